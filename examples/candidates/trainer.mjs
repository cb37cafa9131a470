// A complete lockstep candidate in plain JavaScript: the default export
// trains one run and returns { costs, finalCost }. Try it:
//
//   lockstep conformance --candidate examples/candidates/trainer.mjs
//
// The math follows the conformance vectors' SPEC.md (examples are columns,
// fused A - Y output gradient for sigmoid+bce and softmax+ce, costs from the
// logits, each epoch's cost the size-weighted mean of its batch costs taken
// before each batch's update). It uses nothing from lockstep: it stands for
// someone else's trainer. Matrices are arrays of rows.

const transpose = (a) => a[0].map((_, j) => a.map((row) => row[j]));
const matmul = (a, b) => {
  const bt = transpose(b);
  return a.map((row) => bt.map((col) => row.reduce((s, x, k) => s + x * col[k], 0)));
};
const map2 = (a, b, f) => a.map((row, i) => row.map((x, j) => f(x, b[i][j])));
const columns = (a, start, end) => a.map((row) => row.slice(start, end));

const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softplus = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));

/** g(z) and g'(z) (given z and a = g(z)) for element-wise activations. */
const ELEMENTWISE = {
  relu: [(z) => (z > 0 ? z : 0), (z) => (z > 0 ? 1 : 0)],
  tanh: [Math.tanh, (z, a) => 1 - a * a],
  sigmoid: [sigmoid, (z, a) => a * (1 - a)],
  linear: [(z) => z, () => 1],
};

function activate(name, Z) {
  if (name === 'softmax') {
    const cols = transpose(Z).map((col) => {
      const top = Math.max(...col);
      const e = col.map((z) => Math.exp(z - top));
      const s = e.reduce((x, y) => x + y, 0);
      return e.map((v) => v / s);
    });
    return transpose(cols);
  }
  const g = ELEMENTWISE[name][0];
  return Z.map((row) => row.map(g));
}

const derivative = (name, Z, A) => map2(Z, A, ELEMENTWISE[name][1]);

function cost(loss, Z, A, Y) {
  const m = Y[0].length;
  let total = 0;
  if (loss === 'bce') {
    Z.forEach((row, i) => row.forEach((z, j) => (total += Y[i][j] * softplus(-z) + (1 - Y[i][j]) * softplus(z))));
    return total / m;
  }
  if (loss === 'ce') {
    const Yt = transpose(Y);
    transpose(Z).forEach((zc, j) => {
      const top = Math.max(...zc);
      const lse = top + Math.log(zc.reduce((s, z) => s + Math.exp(z - top), 0));
      zc.forEach((z, i) => (total += Yt[j][i] * (lse - z)));
    });
    return total / m;
  }
  A.forEach((row, i) => row.forEach((a, j) => (total += (a - Y[i][j]) ** 2)));
  return total / (Y.length * m);
}

function forward(params, X, model) {
  const Zs = [null];
  const As = [X];
  model.activations.forEach((name, i) => {
    const l = i + 1;
    const Z = matmul(params[`W${l}`], As[i]).map((row, r) => row.map((v) => v + params[`b${l}`][r]));
    Zs.push(Z);
    As.push(activate(name, Z));
  });
  return { Zs, As };
}

function backward(params, { Zs, As }, Y, model) {
  const L = Zs.length - 1;
  const m = Y[0].length;
  let dZ = map2(As[L], Y, (a, y) => a - y);
  if (model.loss === 'mse') {
    const g = derivative(model.activations[L - 1], Zs[L], As[L]);
    dZ = map2(dZ, g, (d, gv) => (2 / Y.length) * d * gv);
  }
  const grads = {};
  for (let l = L; l >= 1; l--) {
    grads[`W${l}`] = matmul(dZ, transpose(As[l - 1])).map((row) => row.map((v) => v / m));
    grads[`b${l}`] = dZ.map((row) => row.reduce((s, v) => s + v, 0) / m);
    if (l > 1) {
      // Uses Wl before this step's update.
      const dA = matmul(transpose(params[`W${l}`]), dZ);
      dZ = map2(dA, derivative(model.activations[l - 2], Zs[l - 1], As[l - 1]), (d, gv) => d * gv);
    }
  }
  return grads;
}

/** Applies f entry by entry to same-shaped numbers, arrays or arrays of rows. */
const each = (f, ...xs) => (Array.isArray(xs[0]) ? xs[0].map((_, i) => each(f, ...xs.map((x) => x[i]))) : f(...xs));

function makeOptimizer(spec) {
  let t = 0;
  const state = {};
  return (params, grads) => {
    t++;
    const lr = spec.learningRate;
    for (const [name, G] of Object.entries(grads)) {
      if (spec.kind === 'sgd') {
        params[name] = each((p, g) => p - lr * g, params[name], G);
      } else if (spec.kind === 'momentum') {
        const mu = spec.momentum;
        const damp = spec.dampening ?? 0;
        const V = name in state ? each((v, g) => mu * v + (1 - damp) * g, state[name], G) : G;
        state[name] = V;
        params[name] = each((p, v) => p - lr * v, params[name], V);
      } else if (spec.kind === 'adam') {
        const { beta1: b1 = 0.9, beta2: b2 = 0.999, epsilon: eps = 1e-8 } = spec;
        const [M0, S0] = state[name] ?? [each(() => 0, G), each(() => 0, G)];
        const M = each((mv, g) => b1 * mv + (1 - b1) * g, M0, G);
        const S = each((sv, g) => b2 * sv + (1 - b2) * g * g, S0, G);
        state[name] = [M, S];
        const c1 = 1 - b1 ** t;
        const c2 = 1 - b2 ** t;
        params[name] = each((p, mv, sv) => p - (lr * (mv / c1)) / (Math.sqrt(sv / c2) + eps), params[name], M, S);
      } else {
        throw new Error(`this example has no ${spec.kind} optimizer`);
      }
    }
  };
}

export default function train(run) {
  const X = transpose(run.data.X);
  const Y = transpose(run.data.Y);
  const params = structuredClone(run.init);
  const { model } = run;
  const step = makeOptimizer(run.training.optimizer);
  const m = X[0].length;
  const batch = run.training.batchSize ?? m;
  const costs = [];
  for (let epoch = 0; epoch < run.training.epochs; epoch++) {
    let epochCost = 0;
    for (let start = 0; start < m; start += batch) {
      const end = Math.min(start + batch, m);
      const Xb = columns(X, start, end);
      const Yb = columns(Y, start, end);
      const cache = forward(params, Xb, model);
      epochCost += cost(model.loss, cache.Zs.at(-1), cache.As.at(-1), Yb) * (end - start); // before the update
      step(params, backward(params, cache, Yb, model));
    }
    costs.push(epochCost / m);
  }
  const last = forward(params, X, model);
  return { costs, finalCost: cost(model.loss, last.Zs.at(-1), last.As.at(-1), Y) };
}
