"""Named-entity recognition for Indonesian news: reading CoNLL data, features, training, tagging, scoring.

Small modules, each importable alone:

- `conll`     reading CoNLL-style files (IOB or BILOU) and the inline-XML format; tag-set mapping to
              warta's types PER / ORG / LOC
- `datasets`  where the training and dev splits live under `../shared/data/ner` and how each is read
- `tokenize`  sentence split and tokens with character offsets, consistent with the training data
- `features`  the CRF's token features (word, affixes, shape, context, gazetteer matches), grouped
              so that their weights can be summed per word type
- `lexicon`   optional word classes learned from text (frequency, capitalisation, clusters)
- `crf`       training, and tagging with CRFsuite itself (the reference)
- `fastcrf`   tagging with the same model's weights, the same tags, faster (what warta uses)
- `model`     the shipped model, loaded once
- `score`     seqeval-style exact-span entity micro-F1, overall and per type
- `train`     the `make train-ner` command
"""
