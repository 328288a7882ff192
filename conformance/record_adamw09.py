"""Records torch.optim.AdamW trajectories for exercise 09 (AdamWExerciseTest).

Float64, the single-tensor implementation (foreach=False), fixed gradients stored with the result:

    python conformance/record_adamw09.py src/test/resources/kata/09-adamw-torch.json

Needs torch (conformance/requirements.txt pins 2.13.0+cpu); never run by the build.
"""
import json
import random
import sys

import torch

RUNS = [
    # name, lr, beta1, beta2, eps, weight_decay, n, steps, seed
    ("worked-example", 0.1, 0.9, 0.999, 1e-8, 0.1, 1, 1, 0),
    ("defaults", 0.001, 0.9, 0.999, 1e-8, 0.01, 5, 100, 1),
    ("readme-rates", 0.1, 0.9, 0.999, 1e-8, 0.1, 4, 40, 2),
    ("other-betas", 0.05, 0.8, 0.99, 1e-6, 0.7, 3, 40, 3),
    ("strong-decay", 0.2, 0.9, 0.999, 1e-8, 1.5, 3, 30, 4),
    ("lambda-zero", 0.1, 0.9, 0.999, 1e-8, 0.0, 3, 30, 5),
]


def run(name, lr, b1, b2, eps, wd, n, steps, seed):
    rnd = random.Random(seed)
    if name == "worked-example":
        theta0, grads = [1.0], [[0.5]]
    else:
        theta0 = [rnd.gauss(0, 3) for _ in range(n)]
        grads = [[0.0 if rnd.randrange(5) == 0 else rnd.gauss(0, 1) * 10 ** (rnd.randrange(5) - 3)
                  for _ in range(n)] for _ in range(steps)]
    p = torch.tensor(theta0, dtype=torch.float64, requires_grad=True)
    opt = torch.optim.AdamW([p], lr=lr, betas=(b1, b2), eps=eps, weight_decay=wd, foreach=False)
    thetas, ms, vs = [], [], []
    for g in grads:
        p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        st = opt.state[p]
        thetas.append(p.detach().tolist())
        ms.append(st["exp_avg"].tolist())
        vs.append(st["exp_avg_sq"].tolist())
    return {"name": name, "lr": lr, "beta1": b1, "beta2": b2, "eps": eps, "weight_decay": wd,
            "theta0": theta0, "gradients": grads, "theta": thetas, "m": ms, "v": vs}


if __name__ == "__main__":
    out = {"recorder": "torch " + torch.__version__ + ", torch.optim.AdamW(foreach=False), float64",
           "runs": [run(*r) for r in RUNS]}
    with open(sys.argv[1], "w") as f:
        json.dump(out, f)
        f.write("\n")
