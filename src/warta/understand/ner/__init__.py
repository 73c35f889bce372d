"""Named-entity recognition for Indonesian news: reading CoNLL data, features, training, tagging, scoring.

Small modules, each importable alone:

- `conll`     reading CoNLL-style files (IOB or BILOU) and the inline-XML format; tag-set mapping to
              warta's types PER / ORG / LOC
- `datasets`  where the training and dev splits live under `../shared/data/ner` and how each is read
- `tokenize`  sentence split and tokens with character offsets, consistent with the training data
- `features`  the CRF's token features (word, affixes, shape, context, gazetteer matches)
- `crf`       training and tagging with CRFsuite
- `score`     seqeval-style exact-span entity micro-F1, overall and per type
- `train`     the `make train-ner` command
"""
