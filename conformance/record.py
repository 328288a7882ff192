#!/usr/bin/env python3
"""Record RMSProp (and Adam) trajectories from the frameworks themselves on seeded gradients.

Writes the layout of src/test/resources/conformance/ (README there): grads.csv, start.csv and,
per run, ref/ID.csv (step, theta_1..theta_d; 17 significant digits) and ref/ID.json (framework,
version, variant, dtype, the optikata arguments expected to reproduce it, and the expectation
the replay test checks).

    python record.py --out DIR [--frameworks torch,optax,keras,tf1] [--steps 30] [--seed 7]
    python record.py --out DIR --constant 5000     # the long constant-gradient set (centered forms)

Every framework runs in this process except Keras, whose backend is fixed per process: the
script re-runs itself with KERAS_BACKEND set for the tensorflow, jax and torch backends.
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np

F64 = ["--hyperparameter-precision", "float64"]


def gradients(steps, seed):
    """Five coordinates where ε's place and size matter: ~1, ~1e-5, ~1e2, 1e-6..1e2, 1e2 then 1e-5."""
    rng = np.random.default_rng(seed)
    g = np.empty((steps, 5))
    g[:, 0] = rng.normal(0, 1, steps)
    g[:, 1] = rng.normal(0, 1e-5, steps)
    g[:, 2] = rng.normal(0, 1e2, steps)
    g[:, 3] = rng.normal(0, 1, steps) * 10.0 ** rng.uniform(-6, 2, steps)
    g[:, 4] = np.where(np.arange(steps) < 10, 1e2, 1e-5) * rng.choice([-1.0, 1.0], steps) * rng.uniform(0.5, 1.5, steps)
    return g


def constant_gradients(steps):
    """One value per coordinate, repeated: s − ḡ² goes to 0 and its rounding decides the sign
    (with PyTorch's defaults, 0.1 turns negative at step 3226; 1.0 never does)."""
    return np.tile(np.array([0.1, 1.0]), (steps, 1))


START = np.array([0.5, -1.25, 2.0, 0.75, -3.0])


def write(out, run_id, traj, manifest):
    os.makedirs(os.path.join(out, "ref"), exist_ok=True)
    with open(os.path.join(out, "ref", run_id + ".csv"), "w") as f:
        f.write("step," + ",".join(f"theta_{i + 1}" for i in range(traj.shape[1])) + "\n")
        for t, row in enumerate(traj):
            f.write(f"{t}," + ",".join(repr(float(x)) if np.isfinite(x) else "NaN" for x in row) + "\n")
    manifest = dict(manifest, id=run_id)
    with open(os.path.join(out, "ref", run_id + ".json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")


def bitwise(why):
    return {"agreement": "bitwise", "tolerance": 0, "why": why}


# --- PyTorch -------------------------------------------------------------------------------
def record_torch(out, g, tag):
    import torch
    start = START[:g.shape[1]]
    variants = [("default", {}, []), ("centered", {"centered": True}, ["--centered"]),
                ("momentum", {"momentum": 0.9}, ["--momentum", "0.9"]),
                ("centered-momentum", {"centered": True, "momentum": 0.9}, ["--centered", "--momentum", "0.9"])]
    if tag:  # the constant-gradient set: the centered forms, single-tensor path
        variants = [v for v in variants if "centered" in v[0]]
    for dtype, suffix, extra in ((torch.float64, "", []), (torch.float32, "-float32", ["--precision", "float32"])):
        for name, kw, args in variants:
            for foreach in ((None,) if tag else (None, True)):
                p = torch.tensor(start, dtype=dtype, requires_grad=True)
                opt = torch.optim.RMSprop([p], foreach=foreach, **kw)
                traj = [p.detach().double().numpy().copy()]
                for row in g:
                    p.grad = torch.tensor(row, dtype=dtype)
                    opt.step()
                    traj.append(p.detach().double().numpy().copy())
                run_id = f"torch-rmsprop-{name}{suffix}{'-foreach' if foreach else ''}{tag}"
                write(out, run_id, np.array(traj), {
                    "framework": "torch", "version": torch.__version__,
                    "variant": f"RMSprop({kw}) foreach={foreach}", "dtype": str(dtype).replace("torch.", ""),
                    "optikata": ["--preset", "pytorch"] + args + extra + (["--negative-variance", "nan"] if tag else []),
                    "alternatives": {"clamp": ["--preset", "pytorch"] + args + extra} if tag else {},
                    "expect": bitwise("recorded by conformance/record.py; the pytorch preset in the given precision"
                                      + (", with PyTorch's NaN where s − ḡ² rounds negative" if tag else ""))})


# --- Optax (x64) ---------------------------------------------------------------------------
def record_optax(out, g, tag):
    import jax
    jax.config.update("jax_enable_x64", True)
    import jax.numpy as jnp
    import optax
    variants = [("default", {}, []), ("centered", {"centered": True}, ["--centered"]),
                ("momentum", {"momentum": 0.9}, ["--momentum", "0.9"]),
                ("centered-momentum", {"centered": True, "momentum": 0.9}, ["--centered", "--momentum", "0.9"]),
                ("eps-outside", {"eps_in_sqrt": False}, ["--eps-placement", "outside_root"])]
    for dtype, suffix, extra in ((jnp.float64, "", []), (jnp.float32, "-float32", ["--precision", "float32"])):
        for name, kw, args in variants:
            opt = optax.rmsprop(0.001, **kw)
            p = jnp.asarray(START, dtype=dtype)
            state = opt.init(p)
            update = jax.jit(opt.update)
            traj = [np.asarray(p, dtype=np.float64)]
            for row in g:
                u, state = update(jnp.asarray(row, dtype=dtype), state, p)
                p = optax.apply_updates(p, u)
                traj.append(np.asarray(p, dtype=np.float64))
            write(out, f"optax-rmsprop-{name}{suffix}{tag}", np.array(traj), {
                "framework": "optax", "version": f"optax {optax.__version__}, jax {jax.__version__}",
                "variant": f"rmsprop(0.001, {kw})", "dtype": f"{np.dtype(dtype).name} (jax_enable_x64)",
                "optikata": ["--preset", "optax"] + args + extra,
                "expect": {"agreement": "within", "tolerance": 1e-12 if not extra else 1e-6,
                           "why": "float64 run" if not extra else "float32 run"}})


# --- TF1 -----------------------------------------------------------------------------------
def record_tf1(out, g, tag):
    import tensorflow as tf
    tf1 = tf.compat.v1
    tf1.disable_eager_execution()
    variants = [("default", {}, []), ("centered", {"centered": True}, ["--centered"]),
                ("momentum", {"momentum": 0.9}, ["--momentum", "0.9"]),
                ("centered-momentum", {"centered": True, "momentum": 0.9}, ["--centered", "--momentum", "0.9"])]
    for hyper64, vdtype in ((False, tf.float64), (True, tf.float64), (False, tf.float32)):
        for name, kw, args in variants:
            graph = tf.Graph()
            with graph.as_default():
                var = tf1.Variable(START, dtype=vdtype)
                grad = tf1.placeholder(vdtype, shape=(len(START),))
                if hyper64:
                    kw64 = {k: (tf.constant(v, tf.float64) if isinstance(v, float) else v) for k, v in kw.items()}
                    opt = tf1.train.RMSPropOptimizer(tf.constant(0.001, tf.float64), decay=tf.constant(0.9, tf.float64),
                                                     epsilon=tf.constant(1e-10, tf.float64), **kw64)
                else:
                    opt = tf1.train.RMSPropOptimizer(0.001, **kw)
                step = opt.apply_gradients([(grad, var)])
                with tf1.Session(graph=graph) as s:
                    s.run(tf1.global_variables_initializer())
                    traj = [s.run(var)]
                    for row in g:
                        s.run(step, {grad: row})
                        traj.append(s.run(var))
            f32 = vdtype == tf.float32
            run_id = f"tf1-rmsprop-{name}{'-hyper64' if hyper64 else ''}{'-float32' if f32 else ''}{tag}"
            write(out, run_id, np.array(traj, dtype=np.float64), {
                "framework": "tf1 (tf.compat.v1)", "version": f"tensorflow {tf.__version__}",
                "variant": f"RMSPropOptimizer(0.001, {kw}), {'float64 tensors' if hyper64 else 'Python-float'} hyperparameters",
                "dtype": f"{vdtype.name} variables",
                "optikata": ["--preset", "tf1"] + args + (F64 if hyper64 else []) + (["--precision", "float32"] if f32 else []),
                "expect": bitwise("the tf1 preset; float32 hyperparameters unless passed as float64 tensors")})


# --- Keras (one backend per process) -------------------------------------------------------
def record_keras(out, g, tag):
    import keras
    backend = keras.backend.backend()
    suffix = "" if backend == "tensorflow" else f"-{backend}backend"
    variants = [("default", {}, []), ("centered", {"centered": True}, ["--centered"]),
                ("momentum", {"momentum": 0.9}, ["--momentum", "0.9"]),
                ("centered-momentum", {"centered": True, "momentum": 0.9}, ["--centered", "--momentum", "0.9"])]
    for floatx, vdtype in (("float32", "float64"), ("float64", "float64"), ("float32", "float32")):
        keras.config.set_floatx(floatx)
        for name, kw, args in variants:
            opt = keras.optimizers.RMSprop(**kw)
            var = keras.Variable(START, dtype=vdtype)
            opt.build([var])
            traj = [np.asarray(var.numpy(), dtype=np.float64)]
            for row in g:
                opt.apply_gradients([(keras.ops.convert_to_tensor(row, dtype=vdtype), var)])
                traj.append(np.asarray(var.numpy(), dtype=np.float64))
            f32 = vdtype == "float32"
            run_id = f"keras-rmsprop-{name}{'-floatx64' if floatx == 'float64' else ''}{'-float32' if f32 else ''}{suffix}{tag}"
            write(out, run_id, np.array(traj), {
                "framework": "keras", "version": f"keras {keras.__version__} ({backend} backend)",
                "variant": f"RMSprop({kw}), floatx {floatx}", "dtype": f"{vdtype} variables",
                "optikata": ["--preset", "keras"] + args + (F64 if floatx == "float64" else [])
                            + (["--precision", "float32"] if f32 else []),
                "expect": bitwise("the keras preset; the learning rate is a float32 variable unless floatx is float64")})


RECORDERS = {"torch": record_torch, "optax": record_optax, "tf1": record_tf1, "keras": record_keras}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", required=True)
    ap.add_argument("--frameworks", default="torch,optax,tf1,keras")
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--constant", type=int, default=0, help="record the constant-gradient set of this many steps instead")
    ap.add_argument("--gradients", help="a folder whose grads.csv and start.csv to use instead of seeded ones "
                                        "(e.g. src/test/resources/conformance, to add runs to the committed set)")
    a = ap.parse_args()
    global START
    if a.gradients:
        g = np.loadtxt(os.path.join(a.gradients, "grads.csv"), delimiter=",", skiprows=1, ndmin=2)
        START = np.loadtxt(os.path.join(a.gradients, "start.csv"), delimiter=",", ndmin=1)
    else:
        g = constant_gradients(a.constant) if a.constant else gradients(a.steps, a.seed)
    tag = f"-constant{a.constant}" if a.constant else ""
    os.makedirs(a.out, exist_ok=True)
    header = ",".join(f"g{i + 1}" for i in range(g.shape[1]))
    np.savetxt(os.path.join(a.out, "grads.csv"), g, delimiter=",", header=header, comments="", fmt="%.17g")
    np.savetxt(os.path.join(a.out, "start.csv"), START[None, :g.shape[1]], delimiter=",", fmt="%.17g")
    for name in a.frameworks.split(","):
        if name == "keras" and "KERAS_BACKEND" not in os.environ:
            for backend in ("tensorflow", "jax", "torch"):
                # float64 variables on the JAX backend need x64 (without it JAX truncates them to float32)
                env = dict(os.environ, KERAS_BACKEND=backend, JAX_ENABLE_X64="1")
                cmd = [sys.executable, __file__, "--out", a.out, "--frameworks", "keras", "--steps", str(a.steps),
                       "--seed", str(a.seed), "--constant", str(a.constant)] + (["--gradients", a.gradients] if a.gradients else [])
                subprocess.run(cmd, env=env, check=True)
            continue
        RECORDERS[name](a.out, g, tag)


if __name__ == "__main__":
    main()
