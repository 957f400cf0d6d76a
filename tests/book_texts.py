"""The books' own texts and pictures, which tf1gan does not ship (they are the books' and their
authors', not this project's): the few tests that read them skip without them, saying which
environment variable gives them.

- TF1GAN_BOOK_TEXTS: a folder holding the chapters' printed text as Markdown:
  001_7587fd19703ee99e.txt (3분 딥러닝 chapter 9: listings 9.1, 9.2 and the losses they printed) and
  000_c9ec974da557e22c.txt (모두의 딥러닝's GAN chapter: the DCGAN listing).
- TF1GAN_BOOK_PICTURES: the book's '09 - GAN' folder of its public repository, holding samples/
  and samples2/ (git clone --depth=1 https://github.com/golbin/TensorFlow-Tutorials.git).

Unset, each falls back to the folder this project's own machines and CI keep beside the checkout.
"""
import os
import pathlib

REPO = pathlib.Path(__file__).resolve().parents[1]
_BESIDE = REPO.parent / 'shared'  # this project's machines and CI only; no message names it

TEXTS = pathlib.Path(os.environ.get('TF1GAN_BOOK_TEXTS') or _BESIDE / 'seeds')
CH09 = TEXTS / '001_7587fd19703ee99e.txt'
DCGAN = TEXTS / '000_c9ec974da557e22c.txt'
PICTURES = pathlib.Path(os.environ.get('TF1GAN_BOOK_PICTURES') or _BESIDE / 'book' / '3min-deeplearning-ch09')

TEXTS_NEEDED = ('needs the books\' printed text, which tf1gan does not ship: set TF1GAN_BOOK_TEXTS to a folder '
                'holding {} (tests/book_texts.py says what each file is)')
PICTURES_NEEDED = ('needs the book\'s sample pictures, which tf1gan does not ship: set TF1GAN_BOOK_PICTURES to the '
                   '"09 - GAN" folder of git clone https://github.com/golbin/TensorFlow-Tutorials.git')
