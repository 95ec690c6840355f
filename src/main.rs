// The analysis allocates many small vectors per sentence; mimalloc serves them faster than glibc's
// allocator, most of all across rayon's threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    newsls::cli::run()
}
