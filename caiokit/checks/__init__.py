"""The checked exercises of each lesson notebook, one module per lesson (as in Kaggle's learntools)."""
