// Weighted logistic regression with an L2 penalty, fitted by Newton's method: few inputs (under 20),
// a few thousand pairs, so the exact Hessian is cheap and the fit converges in a handful of steps.
// Labels may be soft (a rating mapped to [0, 1]): the loss is the cross-entropy against them.

export interface LogisticFit {
  bias: number;
  weights: number[];
}

export function fitLogistic(x: number[][], y: number[], sampleWeight: number[], l2: number, iterations = 50): LogisticFit {
  const d = x[0]?.length ?? 0;
  // Parameter 0 is the bias (not penalised), then one weight per input.
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const hess = Array.from({ length: d + 1 }, () => new Array<number>(d + 1).fill(0));
    for (let i = 0; i < x.length; i++) {
      const row = [1, ...x[i]!];
      const p = sigmoid(dotRow(beta, row));
      const w = sampleWeight[i]!;
      const r = w * (p - y[i]!);
      const h = w * Math.max(p * (1 - p), 1e-9);
      for (let j = 0; j <= d; j++) {
        grad[j]! += r * row[j]!;
        for (let k = 0; k <= j; k++) hess[j]![k]! += h * row[j]! * row[k]!;
      }
    }
    for (let j = 0; j <= d; j++) for (let k = 0; k < j; k++) hess[k]![j] = hess[j]![k]!;
    for (let j = 1; j <= d; j++) {
      grad[j]! += l2 * beta[j]!;
      hess[j]![j]! += l2;
    }
    const step = solve(hess, grad);
    beta = beta.map((b, j) => b - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { bias: beta[0]!, weights: beta.slice(1) };
}

export function predictLogistic(fit: LogisticFit, row: number[]): number {
  return sigmoid(fit.bias + dotRow(fit.weights, row));
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function dotRow(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A symmetric positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    const pivot = m[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / pivot;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= m[r]![k]! * out[k]!;
    out[r] = s / (m[r]![r]! || 1e-12);
  }
  return out;
}
