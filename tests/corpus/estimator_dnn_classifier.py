# tf.estimator's premade DNNClassifier on iris-like data (TF 1.3-era "Getting Started").
import numpy as np
import tensorflow as tf

x_train = np.random.rand(120, 4).astype(np.float32)
y_train = np.random.randint(0, 3, 120)

feature_columns = [tf.feature_column.numeric_column("x", shape=[4])]


def train_input_fn():
    return {"x": x_train}, y_train


classifier = tf.estimator.DNNClassifier(feature_columns=feature_columns, hidden_units=[10, 20, 10], n_classes=3,
                                        model_dir="/tmp/iris_model")
classifier.train(input_fn=train_input_fn, steps=100)
