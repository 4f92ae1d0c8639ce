"""scikit-learn's LogisticRegression on its digits set (all 1,797 rows, raw 0..16 features), coefficients as JSON.

Usage: /usr/bin/python3 logreg_digits.py [--C 1.0] [--tol 1e-4] [--max-iter 100] [--solver lbfgs|newton-cg]
Prints one JSON document: C, tol, max_iter, n_iter, seconds, classes, coef (10 x 64), intercept (10).
The default lbfgs solver, multinomial for 10 classes: it minimizes C * sum(cross-entropy) + 0.5 * ||W||^2.
"""
import argparse
import json
import time
import warnings

from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

parser = argparse.ArgumentParser()
parser.add_argument("--C", type=float, default=1.0)
parser.add_argument("--tol", type=float, default=1e-4)
parser.add_argument("--max-iter", type=int, default=100)
parser.add_argument("--solver", default="lbfgs")
args = parser.parse_args()

x, y = load_digits(return_X_y=True)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", ConvergenceWarning)
    start = time.perf_counter()
    model = LogisticRegression(C=args.C, tol=args.tol, max_iter=args.max_iter, solver=args.solver).fit(x, y)
    seconds = time.perf_counter() - start
print(json.dumps({
    "C": args.C, "solver": args.solver, "tol": args.tol, "max_iter": args.max_iter, "n_iter": int(model.n_iter_[0]),
    "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
    "seconds": seconds, "rows": int(x.shape[0]), "classes": [int(c) for c in model.classes_],
    "coef": model.coef_.tolist(), "intercept": model.intercept_.tolist(),
}))
