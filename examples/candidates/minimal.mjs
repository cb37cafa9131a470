// A minimal lockstep candidate: SGD (full batch or mini-batches), any depth, relu/tanh hidden
// layers, sigmoid+bce or softmax+ce output. The default export trains one run.
const T = (a) => a[0].map((_, j) => a.map((r) => r[j]));
const mm = (a, b) => { const bt = T(b); return a.map((r) => bt.map((c) => r.reduce((s, x, k) => s + x * c[k], 0))); };
const softplus = (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
const sigmoid = (z) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
const softmaxCols = (Z) => T(T(Z).map((c) => { const e = c.map((z) => Math.exp(z - Math.max(...c))); const s = e.reduce((x, y) => x + y); return e.map((v) => v / s); }));
const HIDDEN = { relu: [(z) => Math.max(z, 0), (z) => (z > 0 ? 1 : 0)], tanh: [Math.tanh, (z, a) => 1 - a * a] };

function forward(P, X, acts) {
  const Zs = [null], As = [X];
  acts.forEach((g, i) => {
    const Z = mm(P[`W${i + 1}`], As[i]).map((row, r) => row.map((v) => v + P[`b${i + 1}`][r]));
    Zs.push(Z);
    As.push(g === 'softmax' ? softmaxCols(Z) : Z.map((row) => row.map(g === 'sigmoid' ? sigmoid : HIDDEN[g][0])));
  });
  return { Zs, As };
}

function cost(Z, Y, loss) { // from the logits: softplus / log-sum-exp, never log(0)
  const m = Y[0].length;
  let total = 0;
  if (loss === 'bce') Z.forEach((r, i) => r.forEach((z, j) => (total += Y[i][j] * softplus(-z) + (1 - Y[i][j]) * softplus(z))));
  else T(Z).forEach((c, j) => { const top = Math.max(...c); const lse = top + Math.log(c.reduce((s, z) => s + Math.exp(z - top), 0)); c.forEach((z, i) => (total += Y[i][j] * (lse - z))); });
  return total / m;
}

export default function train(run) {
  const X = T(run.data.X), Y = T(run.data.Y), P = structuredClone(run.init);
  const { activations: acts, loss } = run.model, L = acts.length, m = X[0].length;
  const lr = run.training.optimizer.learningRate, size = run.training.batchSize ?? m;
  const costs = [];
  for (let epoch = 0; epoch < run.training.epochs; epoch++) {
    let total = 0;
    for (let s = 0; s < m; s += size) {
      const Xb = X.map((r) => r.slice(s, s + size)), Yb = Y.map((r) => r.slice(s, s + size)), n = Xb[0].length;
      const { Zs, As } = forward(P, Xb, acts);
      total += cost(Zs[L], Yb, loss) * n; // this batch's cost, before its update
      let dZ = As[L].map((r, i) => r.map((a, j) => a - Yb[i][j])); // fused A - Y
      const grads = {};
      for (let l = L; l >= 1; l--) {
        grads[`W${l}`] = mm(dZ, T(As[l - 1])).map((r) => r.map((v) => v / n));
        grads[`b${l}`] = dZ.map((r) => r.reduce((x, y) => x + y) / n);
        if (l > 1) { // uses W_l before this step's update
          const d = HIDDEN[acts[l - 2]][1];
          dZ = mm(T(P[`W${l}`]), dZ).map((r, i) => r.map((g, j) => g * d(Zs[l - 1][i][j], As[l - 1][i][j])));
        }
      }
      for (const [k, G] of Object.entries(grads)) // plain SGD
        P[k] = k[0] === 'b' ? P[k].map((p, i) => p - lr * G[i]) : P[k].map((r, i) => r.map((p, j) => p - lr * G[i][j]));
    }
    costs.push(total / m);
  }
  return { costs, finalCost: cost(forward(P, X, acts).Zs[L], Y, loss) };
}
