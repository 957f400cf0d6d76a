# tf.contrib.learn's DNNClassifier (TF 1.0-era quickstart).
import numpy as np
import tensorflow as tf

x_train = np.random.rand(120, 4).astype(np.float32)
y_train = np.random.randint(0, 3, 120)

feature_columns = tf.contrib.learn.infer_real_valued_columns_from_input(x_train)
classifier = tf.contrib.learn.DNNClassifier(feature_columns=feature_columns, hidden_units=[10, 20, 10],
                                            n_classes=3, model_dir="/tmp/iris_model")
classifier.fit(x=x_train, y=y_train, steps=200)
