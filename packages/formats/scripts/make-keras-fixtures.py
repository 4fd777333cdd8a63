#!/usr/bin/python3
"""Writes the small Keras test files of src/keras/fixtures/ with h5py (Debian's python3-h5py).

They follow the layouts Keras itself writes (model.save in Keras 2 / tf.keras: root attribute model_config,
model_weights/<layer>/<weight name> with layer_names / weight_names attributes; Keras 3 .keras archives:
config.json + metadata.json + model.weights.h5 with layers/<name>/vars/<i>), with the cases the importer
must handle: nested models, shared layers, float16 and big-endian weights, chunked name lists, positional
Keras 3 weights, weights-only files, and hostile links (an external link, external dataset storage).
Run: /usr/bin/python3 scripts/make-keras-fixtures.py
"""
import io
import json
import os
import zipfile

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'keras', 'fixtures')
rng = np.random.default_rng(7)


def w(*shape, dtype='<f4'):
    return rng.standard_normal(shape).astype(dtype)


def layer(class_name, name, config, inbound):
    return {'class_name': class_name, 'name': name, 'config': {'name': name, **config}, 'inbound_nodes': inbound}


def node(*refs):
    return [[[r[0], r[1], 0, {}] for r in refs]]


def keras2_nested_shared():
    head = {'name': 'head', 'layers': [
        {'class_name': 'Dense', 'config': {'name': 'dense_a', 'units': 6, 'activation': 'relu', 'use_bias': True, 'batch_input_shape': [None, 4]}},
        {'class_name': 'Dropout', 'config': {'name': 'drop', 'rate': 0.5}},
        {'class_name': 'Dense', 'config': {'name': 'dense_b', 'units': 5, 'activation': 'linear', 'use_bias': True}},
    ]}
    layers = [
        layer('InputLayer', 'input_1', {'batch_input_shape': [None, 8, 8, 3], 'dtype': 'float32'}, []),
        layer('Conv2D', 'conv', {'filters': 4, 'kernel_size': [3, 3], 'strides': [1, 1], 'padding': 'same', 'data_format': 'channels_last', 'dilation_rate': [1, 1], 'activation': 'relu', 'use_bias': True}, node(('input_1', 0))),
        layer('BatchNormalization', 'bn', {'axis': -1, 'epsilon': 0.001, 'center': True, 'scale': True}, node(('conv', 0))),
        layer('GlobalAveragePooling2D', 'gap', {'data_format': 'channels_last'}, node(('bn', 0))),
        {'class_name': 'Sequential', 'name': 'head', 'config': head, 'inbound_nodes': node(('gap', 0))},
        # One layer called twice: on the head's output, then on its own first output.
        layer('Dense', 'shared', {'units': 5, 'activation': 'linear', 'use_bias': True}, node(('head', 0)) + node(('shared', 0))),
        layer('Add', 'add', {}, [[['shared', 0, 0, {}], ['shared', 1, 0, {}]]]),
    ]
    config = {'class_name': 'Model', 'config': {'name': 'outer', 'layers': layers, 'input_layers': [['input_1', 0, 0]], 'output_layers': [['add', 0, 0]]}}
    path = os.path.join(OUT, 'nested-shared.h5')
    with h5py.File(path, 'w') as f:
        f.attrs['keras_version'] = b'2.2.4'
        f.attrs['backend'] = b'tensorflow'
        f.attrs['model_config'] = json.dumps(config).encode()
        mw = f.create_group('model_weights')
        names = [l['name'] for l in layers]
        # Keras splits name lists over layer_names0, layer_names1, … when they exceed HDF5's header limit.
        mw.attrs['layer_names0'] = np.array([n.encode() for n in names[:4]])
        mw.attrs['layer_names1'] = np.array([n.encode() for n in names[4:]])
        weights = {
            'input_1': {}, 'gap': {}, 'add': {},
            # Mixed-precision models store float16 weights.
            'conv': {'conv/kernel:0': w(3, 3, 3, 4, dtype='<f2'), 'conv/bias:0': w(4, dtype='<f2')},
            'bn': {'bn/gamma:0': w(4), 'bn/beta:0': w(4), 'bn/moving_mean:0': w(4), 'bn/moving_variance:0': np.abs(w(4)).astype('>f4')},
            'head': {'dense_a/kernel:0': w(4, 6), 'dense_a/bias:0': w(6), 'dense_b/kernel:0': w(6, 5), 'dense_b/bias:0': w(5)},
            'shared': {'shared/kernel:0': w(5, 5), 'shared/bias:0': w(5)},
        }
        for name in names:
            g = mw.create_group(name)
            g.attrs['weight_names'] = np.array([k.encode() for k in weights[name]])
            for k, v in weights[name].items():
                g.create_dataset(k, data=v)
    return weights


def keras3_archive():
    t = lambda layer, shape: {'class_name': '__keras_tensor__', 'config': {'shape': shape, 'dtype': 'float32', 'keras_history': [layer, 0, 0]}}
    policy = {'module': 'keras', 'class_name': 'DTypePolicy', 'config': {'name': 'float32'}, 'registered_name': None}
    def k3(class_name, name, config, args):
        return {'module': 'keras.layers', 'class_name': class_name, 'config': {'name': name, 'trainable': True, 'dtype': policy, **config},
                'registered_name': None, 'name': name, 'inbound_nodes': [{'args': args, 'kwargs': {}}] if args else []}
    mlp = {'module': 'keras', 'class_name': 'Sequential', 'config': {'name': 'mlp', 'trainable': True, 'dtype': policy, 'layers': [
        {'module': 'keras.layers', 'class_name': 'InputLayer', 'config': {'batch_shape': [None, 784], 'dtype': 'float32', 'sparse': False, 'name': 'mlp_input'}, 'registered_name': None},
        {'module': 'keras.layers', 'class_name': 'Dense', 'config': {'name': 'dense', 'units': 10, 'use_bias': True, 'dtype': policy,
         'activation': {'module': 'keras.activations', 'class_name': 'function', 'config': 'softmax', 'registered_name': 'softmax'}}, 'registered_name': None},
    ], 'build_input_shape': [None, 784]}, 'registered_name': None, 'name': 'mlp', 'inbound_nodes': [{'args': [t('flatten', [None, 784])], 'kwargs': {}}]}
    layers = [
        {'module': 'keras.layers', 'class_name': 'InputLayer', 'config': {'batch_shape': [None, 16, 16, 1], 'dtype': 'float32', 'sparse': False, 'name': 'input_layer'}, 'registered_name': None, 'name': 'input_layer', 'inbound_nodes': []},
        k3('Conv2D', 'conv2d', {'filters': 8, 'kernel_size': [3, 3], 'strides': [2, 2], 'padding': 'valid', 'data_format': 'channels_last', 'dilation_rate': [1, 1], 'groups': 1, 'activation': 'relu', 'use_bias': True}, [t('input_layer', [None, 16, 16, 1])]),
        # scale=False: the weights file holds beta, moving_mean, moving_variance, unnamed.
        k3('BatchNormalization', 'batch_normalization', {'axis': -1, 'epsilon': 0.001, 'center': True, 'scale': False}, [t('conv2d', [None, 7, 7, 8])]),
        k3('DepthwiseConv2D', 'depthwise_conv2d', {'kernel_size': [3, 3], 'strides': [1, 1], 'padding': 'same', 'depth_multiplier': 2, 'data_format': 'channels_last', 'dilation_rate': [1, 1], 'activation': 'linear', 'use_bias': False}, [t('batch_normalization', [None, 7, 7, 8])]),
        k3('Flatten', 'flatten', {'data_format': 'channels_last'}, [t('depthwise_conv2d', [None, 7, 7, 16])]),
        mlp,
    ]
    config = {'module': 'keras.src.models.functional', 'class_name': 'Functional', 'config': {'name': 'k3', 'trainable': True, 'layers': layers,
              'input_layers': [['input_layer', 0, 0]], 'output_layers': [['mlp', 0, 0]]}, 'registered_name': 'Functional'}
    buf = io.BytesIO()
    with h5py.File(buf, 'w') as f:
        def vars_(path, arrays):
            g = f.create_group(path + '/vars')
            for i, a in enumerate(arrays):
                g.create_dataset(str(i), data=a)
        vars_('layers/input_layer', [])
        vars_('layers/conv2d', [w(3, 3, 1, 8), w(8)])
        vars_('layers/batch_normalization', [w(8), w(8), np.abs(w(8))])
        vars_('layers/depthwise_conv2d', [w(3, 3, 8, 2)])
        vars_('layers/flatten', [])
        vars_('layers/mlp/layers/dense', [w(784, 10), w(10)])
        vars_('layers/mlp', [])
        f.create_group('vars')
        vars_('optimizer', [np.zeros(1, 'int64')])
    with zipfile.ZipFile(os.path.join(OUT, 'functional.keras'), 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('metadata.json', json.dumps({'keras_version': '3.6.0', 'date_saved': '2026-01-01@00:00:00'}))
        z.writestr('config.json', json.dumps(config))
        z.writestr('model.weights.h5', buf.getvalue())


def weights_only():
    with h5py.File(os.path.join(OUT, 'weights-only.h5'), 'w') as f:
        f.attrs['layer_names'] = np.array([b'dense'])
        f.attrs['keras_version'] = b'2.2.4'
        g = f.create_group('dense')
        g.attrs['weight_names'] = np.array([b'dense/kernel:0'])
        g.create_dataset('dense/kernel:0', data=w(2, 2))


def hostile():
    config = {'class_name': 'Sequential', 'config': {'name': 'seq', 'layers': [
        {'class_name': 'Dense', 'config': {'name': 'dense', 'units': 2, 'use_bias': True, 'batch_input_shape': [None, 3]}},
        {'class_name': 'Dense', 'config': {'name': 'dense_1', 'units': 2, 'use_bias': True}},
    ]}}
    with h5py.File(os.path.join(OUT, 'hostile-links.h5'), 'w') as f:
        f.attrs['model_config'] = json.dumps(config).encode()
        mw = f.create_group('model_weights')
        mw.attrs['layer_names'] = np.array([b'dense', b'dense_1'])
        g = mw.create_group('dense')
        g.attrs['weight_names'] = np.array([b'dense/kernel:0', b'dense/bias:0'])
        # The kernel is an external link to another file, the bias is stored in an external raw file.
        g['dense/kernel:0'] = h5py.ExternalLink('/etc/secret.h5', '/data')
        g.create_dataset('dense/bias:0', shape=(2,), dtype='<f4', external=[('/dev/zero', 0, 8)])
        g1 = mw.create_group('dense_1')
        g1.attrs['weight_names'] = np.array([b'dense_1/kernel:0', b'dense_1/bias:0'])
        g1.create_dataset('dense_1/kernel:0', data=w(2, 2))
        g1.create_dataset('dense_1/bias:0', data=w(2))


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    keras2_nested_shared()
    keras3_archive()
    weights_only()
    hostile()
