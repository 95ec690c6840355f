fn main() -> std::process::ExitCode {
    newsls::cli::run()
}
