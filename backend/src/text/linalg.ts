/** Small dense linear algebra for the LSA step: Gram matrices, Jacobi eigen-decomposition, randomized SVD. */
import { createRng } from './random';
import { csrTimesDense, csrTransposeTimesDense, type CsrMatrix } from './sparse';

/** YᵀY for Y (n×l, row-major) → l×l. */
export function gram(y: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const va = y[o + a];
      if (va === 0) continue;
      const go = a * l;
      for (let b = a; b < l; b++) g[go + b] += va * y[o + b];
    }
  }
  for (let a = 0; a < l; a++) for (let b = 0; b < a; b++) g[a * l + b] = g[b * l + a];
  return g;
}

/** Xᵀ Y for X, Y (n×l) → l×l. */
export function crossProduct(x: Float64Array, y: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l);
  for (let i = 0; i < n; i++) {
    const o = i * l;
    for (let a = 0; a < l; a++) {
      const va = x[o + a];
      if (va === 0) continue;
      const go = a * l;
      for (let b = 0; b < l; b++) g[go + b] += va * y[o + b];
    }
  }
  return g;
}

/** A (n×l) × B (l×k) → n×k, all row-major. */
export function matMul(a: Float64Array, b: Float64Array, n: number, l: number, k: number): Float64Array {
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const ao = i * l;
    const oo = i * k;
    for (let p = 0; p < l; p++) {
      const v = a[ao + p];
      if (v === 0) continue;
      const bo = p * k;
      for (let j = 0; j < k; j++) out[oo + j] += v * b[bo + j];
    }
  }
  return out;
}

export interface Eigen {
  /** Eigenvalues, descending. */
  values: Float64Array;
  /** Eigenvectors as columns of an l×l row-major matrix, in the order of `values`. */
  vectors: Float64Array;
}

/** Cyclic Jacobi eigen-decomposition of a symmetric l×l matrix (deterministic, fast enough up to a few hundred). */
export function symmetricEigen(matrix: Float64Array, l: number): Eigen {
  const a = Float64Array.from(matrix);
  // Eigenvectors kept as rows (vt) so every rotation touches contiguous memory.
  const vt = new Float64Array(l * l);
  for (let i = 0; i < l; i++) vt[i * l + i] = 1;
  for (let sweep = 0; sweep < 40; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < l; p++) {
      diag += a[p * l + p] * a[p * l + p];
      for (let q = p + 1; q < l; q++) off += a[p * l + q] * a[p * l + q];
    }
    if (off <= 1e-24 * diag || off === 0) break;
    for (let p = 0; p < l - 1; p++) {
      const po = p * l;
      for (let q = p + 1; q < l; q++) {
        const qo = q * l;
        const apq = a[po + q];
        if (apq === 0 || Math.abs(apq) < 1e-18 * Math.sqrt(Math.abs(a[po + p] * a[qo + q]))) continue;
        const theta = (a[qo + q] - a[po + p]) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        a[po + p] -= t * apq;
        a[qo + q] += t * apq;
        a[po + q] = 0;
        a[qo + p] = 0;
        for (let k = 0; k < l; k++) {
          if (k === p || k === q) continue;
          const akp = a[po + k];
          const akq = a[qo + k];
          const np = c * akp - s * akq;
          const nq = s * akp + c * akq;
          a[po + k] = np;
          a[qo + k] = nq;
          a[k * l + p] = np;
          a[k * l + q] = nq;
        }
        for (let k = 0; k < l; k++) {
          const vp = vt[po + k];
          const vq = vt[qo + k];
          vt[po + k] = c * vp - s * vq;
          vt[qo + k] = s * vp + c * vq;
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y] - a[x * l + x] || x - y);
  const values = new Float64Array(l);
  const vectors = new Float64Array(l * l);
  order.forEach((src, dst) => {
    values[dst] = a[src * l + src];
    for (let k = 0; k < l; k++) vectors[k * l + dst] = vt[src * l + k];
  });
  return { values, vectors };
}

/**
 * An orthonormal basis (n×l, row-major) of the column span of Y by Cholesky QR, by default done twice
 * for accuracy (CholeskyQR2): far cheaper than Householder for tall thin matrices. The range finder
 * needs only the span, so it uses one round.
 */
export function orthonormalize(y: Float64Array, n: number, l: number, rounds = 2): Float64Array {
  let q = y;
  for (let round = 0; round < rounds; round++) {
    const g = gram(q, n, l);
    // Cholesky G = RᵀR (R upper, stored row-major); a tiny ridge keeps rank-deficient inputs finite.
    const r = new Float64Array(l * l);
    let maxDiag = 0;
    for (let i = 0; i < l; i++) maxDiag = Math.max(maxDiag, g[i * l + i]);
    const ridge = maxDiag * 1e-13 + 1e-300;
    for (let i = 0; i < l; i++) {
      for (let j = i; j < l; j++) {
        let sum = g[i * l + j];
        for (let k = 0; k < i; k++) sum -= r[k * l + i] * r[k * l + j];
        if (j === i) r[i * l + i] = Math.sqrt(Math.max(sum, 0) + ridge);
        else r[i * l + j] = sum / r[i * l + i];
      }
    }
    // Q = Y R⁻¹, row by row (forward substitution on each row).
    const out = new Float64Array(n * l);
    for (let row = 0; row < n; row++) {
      const o = row * l;
      for (let j = 0; j < l; j++) {
        let sum = q[o + j];
        for (let k = 0; k < j; k++) sum -= out[o + k] * r[k * l + j];
        out[o + j] = sum / r[j * l + j];
      }
    }
    q = out;
  }
  return q;
}

/**
 * Truncated SVD projection of a sparse matrix by the randomized range finder (Halko et al.):
 * returns what is needed to project any row x onto the top-k right singular vectors as (x·Bt)·P.
 */
export interface SvdProjection {
  /** Rank actually kept. */
  k: number;
  /** Oversampled width l. */
  l: number;
  /** d×l: Aᵀ Q. */
  bt: Float64Array;
  /** l×k: W Σ^(power-1), so that x·Bt·P = x·V·Σ^power. */
  p: Float64Array;
  singularValues: Float64Array;
}

export interface SvdOptions {
  k: number;
  oversample?: number;
  powerIterations?: number;
  /** Scale of the components in the output: 1 = classic LSA (UΣ), 0 = whitened. */
  power?: number;
  seed: number;
}

export function randomizedSvd(a: CsrMatrix, options: SvdOptions): { projection: SvdProjection; embedding: Float64Array } {
  const n = a.rows;
  const d = a.cols;
  const l = Math.max(1, Math.min(options.k + (options.oversample ?? 10), n, d));
  const k = Math.min(options.k, l);
  const rng = createRng(options.seed);
  // Random signs sketch the range as well as Gaussian entries do, and cost a fraction to draw.
  const omega = new Float64Array(d * l);
  for (let i = 0; i < omega.length; i++) omega[i] = rng() < 0.5 ? -1 : 1;
  let q = orthonormalize(csrTimesDense(a, omega, l), n, l, 1);
  for (let it = 0; it < (options.powerIterations ?? 1); it++) {
    q = orthonormalize(csrTimesDense(a, csrTransposeTimesDense(a, q, l), l), n, l, 1);
  }
  const bt = csrTransposeTimesDense(a, q, l);
  const abt = csrTimesDense(a, bt, l);
  // B Bᵀ = Qᵀ A Aᵀ Q; symmetrise against rounding.
  const m = crossProduct(q, abt, n, l);
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) m[i * l + j] = m[j * l + i] = (m[i * l + j] + m[j * l + i]) / 2;
  const { values, vectors } = symmetricEigen(m, l);
  const power = options.power ?? 1;
  const singularValues = new Float64Array(k);
  const p = new Float64Array(l * k);
  for (let j = 0; j < k; j++) {
    const s = Math.sqrt(Math.max(values[j], 0));
    singularValues[j] = s;
    // x·V = x·Bt·W·Σ⁻¹; times Σ^power.
    const f = s > 1e-12 ? Math.pow(s, power - 1) : 0;
    for (let i = 0; i < l; i++) p[i * k + j] = vectors[i * l + j] * f;
  }
  const embedding = matMul(abt, p, n, l, k);
  return { projection: { k, l, bt, p, singularValues }, embedding };
}
