#!/usr/bin/python3
"""Writes test/fixtures/embeddings/toy-bilingual: a tiny sentence-embedding model in the layout
transformers.js loads from disk (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx).

It is a real ONNX graph run by the real ONNX runtime, small enough to commit: a BERT-style WordPiece
tokenizer over a few dozen English and German news words, and an embedding table in which a word and
its translation share one random unit vector (mean pooling then makes a report and its translation
close, and unrelated reports far apart). It exists to test that `--embeddings PATH` loads a local
model and that its similarity reaches clustering, not to embed real news.

Needs Debian's python3-onnx (apt-get install python3-onnx). Deterministic: the same files every run.
"""
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'embeddings', 'toy-bilingual')
DIM = 16
# Concepts: an English word and its German translation share one vector.
CONCEPTS = [
    ('train', 'zug'), ('trains', 'züge'), ('strike', 'streik'), ('drivers', 'lokführer'), ('union', 'gewerkschaft'),
    ('railway', 'bahn'), ('cancelled', 'gestrichen'), ('wages', 'löhne'), ('hours', 'stunden'), ('talks', 'gespräche'),
    ('failed', 'gescheitert'), ('passengers', 'fahrgäste'), ('stations', 'bahnhöfe'), ('commuters', 'pendler'),
    ('football', 'fußball'), ('match', 'spiel'), ('goal', 'tor'), ('season', 'saison'), ('coach', 'trainer'),
    ('league', 'liga'), ('won', 'gewann'), ('fans', 'fans'), ('stadium', 'stadion'), ('team', 'mannschaft'),
    ('berlin', 'berlin'), ('munich', 'münchen'), ('the', 'die'), ('a', 'ein'), ('and', 'und'), ('in', 'in'),
    ('of', 'der'), ('on', 'am'), ('after', 'nach'), ('over', 'über'), ('across', 'ganz'), ('germany', 'deutschland'),
]
SPECIAL = ['[PAD]', '[UNK]', '[CLS]', '[SEP]']


def main() -> None:
    rng = np.random.default_rng(20241201)
    vocab = {tok: i for i, tok in enumerate(SPECIAL)}
    rows = [np.zeros(DIM) for _ in SPECIAL]
    for words in CONCEPTS:
        v = rng.normal(size=DIM)
        v /= np.linalg.norm(v)
        for w in words:
            if w not in vocab:
                vocab[w] = len(rows)
                rows.append(v)
    table = np.stack(rows).astype(np.float32)

    # last_hidden_state = Gather(table, input_ids): each token's vector; the pipeline mean-pools with the mask.
    input_ids = helper.make_tensor_value_info('input_ids', TensorProto.INT64, ['batch', 'sequence'])
    mask = helper.make_tensor_value_info('attention_mask', TensorProto.INT64, ['batch', 'sequence'])
    types = helper.make_tensor_value_info('token_type_ids', TensorProto.INT64, ['batch', 'sequence'])
    out = helper.make_tensor_value_info('last_hidden_state', TensorProto.FLOAT, ['batch', 'sequence', DIM])
    gather = helper.make_node('Gather', ['embeddings', 'input_ids'], ['last_hidden_state'], axis=0)
    graph = helper.make_graph([gather], 'toy-bilingual', [input_ids, mask, types], [out], [numpy_helper.from_array(table, 'embeddings')])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid('', 13)], producer_name='storyline scripts/make-toy-embedding-model.py')
    model.ir_version = 8
    onnx.checker.check_model(model)

    os.makedirs(os.path.join(OUT, 'onnx'), exist_ok=True)
    onnx.save(model, os.path.join(OUT, 'onnx', 'model.onnx'))
    write(OUT, 'config.json', {'model_type': 'bert', 'hidden_size': DIM, 'vocab_size': len(vocab), 'max_position_embeddings': 512})
    write(OUT, 'tokenizer_config.json', {'tokenizer_class': 'BertTokenizer', 'do_lower_case': True, 'model_max_length': 512,
                                         'cls_token': '[CLS]', 'sep_token': '[SEP]', 'pad_token': '[PAD]', 'unk_token': '[UNK]'})
    write(OUT, 'tokenizer.json', {
        'version': '1.0',
        'truncation': None,
        'padding': None,
        'added_tokens': [{'id': vocab[t], 'content': t, 'single_word': False, 'lstrip': False, 'rstrip': False, 'normalized': False, 'special': True} for t in SPECIAL],
        'normalizer': {'type': 'BertNormalizer', 'clean_text': True, 'handle_chinese_chars': True, 'strip_accents': False, 'lowercase': True},
        'pre_tokenizer': {'type': 'BertPreTokenizer'},
        'post_processor': {'type': 'BertProcessing', 'sep': ['[SEP]', vocab['[SEP]']], 'cls': ['[CLS]', vocab['[CLS]']]},
        'decoder': {'type': 'WordPiece', 'prefix': '##', 'cleanup': True},
        'model': {'type': 'WordPiece', 'unk_token': '[UNK]', 'continuing_subword_prefix': '##', 'max_input_chars_per_word': 100, 'vocab': vocab},
    })


def write(directory: str, name: str, data: dict) -> None:
    with open(os.path.join(directory, name), 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')


if __name__ == '__main__':
    main()
