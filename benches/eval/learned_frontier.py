#!/usr/bin/env python3
"""How far past newsls could a model trained on PolNeAR's annotations go? A measurement, not a feature.

    pip install scikit-learn
    python3 benches/eval/learned_frontier.py --bin target/release/newsls --eval ../shared/eval

A logistic regression is trained on polnear-train to tell, for each sentence of the scorer
(score.py's own sentence units), whether a sourced attribution covers it. Its features are the
words and word pairs of the sentence, of its neighbours and of its paragraph, its quotation marks,
its place in the paragraph, and newsls's own verdict on it and on the sentences around it. Every
threshold of the model's probability is then scored on polnear-dev the way score.py scores
newsls: precision of the sentences flagged, recall of the gold-unattributed sentences. A second
model, trained the same way, finds the sentences holding a vague attribution's cue.

The printout is the frontier of what these annotations teach: the best precision reachable at
each recall, next to newsls's own point. If the model's frontier does not reach a target, rules
tuned further on the same data will not reach it honestly either.
"""
import argparse, json, re, subprocess, sys, tempfile
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

WORD = re.compile(r"[A-Za-z']+|[0-9]+|[“”\"«»:—]")


def words(text):
    return [w.lower() for w in WORD.findall(text)]


def covered(letters, span_letters):
    return bool(letters) and len(letters & span_letters) * 2 >= len(letters)


def sentences_of(score, binary, split_path):
    """Each article's scorer sentences with their gold labels and newsls's verdicts."""
    rows = [json.loads(line) for line in open(split_path, encoding="utf-8")]
    paths, found = score.run_tool(binary, rows, Path(tempfile.mkdtemp(prefix="newsls-frontier-")))
    articles = []
    for name, row in paths.items():
        text = row["text"]
        sourced, any_span, vague_cues = set(), set(), []
        for rel in row["attributions"]:
            cover = {i for s, e in rel["source"] + rel["cue"] + rel["content"] for i in range(s, e)}
            any_span |= cover
            if rel["vague"]:
                vague_cues.append({i for s, e in rel["cue"] for i in range(s, e)} or cover)
            else:
                sourced |= cover
        claim_flags, vague_flags = set(), set()
        for d in found.get(name, []):
            s, e = score.to_offsets(text, d["range"])
            if d.get("code") == "unattributed-claim":
                claim_flags |= set(range(s, e))
            elif d.get("code") == "vague-attribution":
                vague_flags |= set(range(s, e))
        lede_end = text.find("\n\n") if "\n\n" in text else len(text)
        sentences = []
        for s, e in score.sentences(text):
            letters = score.letters(text, s, e)
            span = set(range(s, e))
            sentences.append(dict(
                start=s, end=e, text=text[s:e], headline=s < lede_end,
                sourced=covered(letters, sourced),
                unattributed=s >= lede_end and len(text[s:e].split()) >= 6 and not letters & any_span,
                vague=any(cue & span for cue in vague_cues),
                flagged=covered(letters, claim_flags), vague_flagged=bool(letters & vague_flags)))
        articles.append((text, sentences))
    return articles


def features(text, sentences, i):
    sentence = sentences[i]
    f = {"flagged": sentence["flagged"], "vague_flagged": sentence["vague_flagged"],
         "headline": sentence["headline"],
         "quote_marks": min(sum(sentence["text"].count(m) for m in "“\""), 3)}
    ws = words(sentence["text"])
    f.update({"w=" + w: 1 for w in ws})
    f.update({f"b={a}_{b}": 1 for a, b in zip(ws, ws[1:])})
    for prefix, step in (("prev", -1), ("next", 1)):
        j = i + step
        if 0 <= j < len(sentences):
            f[prefix + "_flagged"] = sentences[j]["flagged"]
            f.update({f"{prefix}:w={w}": 1 for w in words(sentences[j]["text"])})
        else:
            f[prefix + "_none"] = 1
    para_start = text.rfind("\n\n", 0, sentence["start"]) + 1
    para_end = text.find("\n\n", sentence["end"])
    f.update({"para:w=" + w: 1 for w in words(text[para_start:para_end if para_end >= 0 else len(text)])})
    f["opens_paragraph"] = sentence["start"] <= para_start + 2
    return f


def table(articles):
    rows = [(features(text, ss, i), s) for text, ss in articles for i, s in enumerate(ss)]
    return [f for f, _ in rows], {k: np.array([s[k] for _, s in rows]) for k in rows[0][1] if k not in ("text",)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--eval", required=True, help="the folder of score.py and polnear-{train,dev}.jsonl")
    a = ap.parse_args()
    sys.path.insert(0, a.eval)
    import score

    train_x, train = table(sentences_of(score, a.bin, Path(a.eval) / "polnear-train.jsonl"))
    dev_x, dev = table(sentences_of(score, a.bin, Path(a.eval) / "polnear-dev.jsonl"))
    vectorizer = DictVectorizer()
    train_m, dev_m = vectorizer.fit_transform(train_x), vectorizer.transform(dev_x)

    def claim_point(flags):
        return (~dev["sourced"][flags]).mean(), flags[dev["unattributed"]].mean()

    p, r = claim_point(dev["flagged"])
    print(f"unattributed-claim on dev: newsls P {p:.3f} R {r:.3f}; a sentence that no sourced relation covers is a true flag")
    model = LogisticRegression(C=0.1, max_iter=4000).fit(train_m, train["sourced"])
    sourced_p = model.predict_proba(dev_m)[:, 1]
    best = {}
    for threshold in np.linspace(0.05, 0.95, 91):
        p, r = claim_point(sourced_p < threshold)
        for floor in (0.5, 0.6, 0.7, 0.75, 0.78, 0.8, 0.82, 0.85, 0.9):
            if r >= floor and p > best.get(floor, (0,))[0]:
                best[floor] = (p, threshold)
    for floor, (p, threshold) in sorted(best.items()):
        print(f"  model: recall >= {floor:.2f}: best precision {p:.3f} (threshold {threshold:.2f})")

    flagged, vague = dev["vague_flagged"], dev["vague"]
    print(f"vague-attribution on dev, by sentence: newsls recall {flagged[vague].mean():.3f}, precision {vague[flagged].mean():.3f}, {flagged.sum()} sentences")
    vague_p = LogisticRegression(C=0.1, max_iter=4000, class_weight="balanced").fit(
        train_m, train["vague"]).predict_proba(dev_m)[:, 1]
    for threshold in (0.1, 0.2, 0.3, 0.4, 0.5):
        f = (vague_p >= threshold) | flagged
        print(f"  model or newsls, threshold {threshold:.1f}: recall {f[vague].mean():.3f}, precision {vague[f].mean():.3f}, {f.sum()} of {len(f)} sentences")


if __name__ == "__main__":
    main()
