/** Compressed sparse rows plus the two dense products the LSA step needs. Dense matrices are row-major Float64Array. */

export interface CsrMatrix {
  rows: number;
  cols: number;
  /** rowPtr[i]..rowPtr[i+1] index the entries of row i. */
  rowPtr: Int32Array;
  colIdx: Int32Array;
  values: Float64Array;
}

/** One sparse vector: ascending column indices and their values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export function csrFromRows(rows: readonly SparseVector[], cols: number): CsrMatrix {
  let nnz = 0;
  for (const r of rows) nnz += r.indices.length;
  const rowPtr = new Int32Array(rows.length + 1);
  const colIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let p = 0;
  rows.forEach((r, i) => {
    colIdx.set(r.indices, p);
    values.set(r.values, p);
    p += r.indices.length;
    rowPtr[i + 1] = p;
  });
  return { rows: rows.length, cols, rowPtr, colIdx, values };
}

/** A (n×d, sparse) × X (d×l, dense) → n×l. */
export function csrTimesDense(a: CsrMatrix, x: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l);
  for (let i = 0; i < a.rows; i++) {
    const o = i * l;
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const v = a.values[p];
      const xo = a.colIdx[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * x[xo + j];
    }
  }
  return out;
}

/** Aᵀ (d×n) × Y (n×l, dense) → d×l, without forming the transpose. */
export function csrTransposeTimesDense(a: CsrMatrix, y: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l);
  for (let i = 0; i < a.rows; i++) {
    const yo = i * l;
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const v = a.values[p];
      const o = a.colIdx[p] * l;
      for (let j = 0; j < l; j++) out[o + j] += v * y[yo + j];
    }
  }
  return out;
}

/** x (sparse, 1×d) × X (d×l, dense) → 1×l. */
export function sparseTimesDense(x: SparseVector, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(l);
  for (let p = 0; p < x.indices.length; p++) {
    const v = x.values[p];
    const o = x.indices[p] * l;
    for (let j = 0; j < l; j++) out[j] += v * m[o + j];
  }
  return out;
}

/** Dot product of two sparse vectors with sorted indices (a merge of the two index lists). */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  const ai = a.indices;
  const bi = b.indices;
  let s = 0;
  for (let p = 0, q = 0; p < ai.length && q < bi.length;) {
    if (ai[p] === bi[q]) s += a.values[p++] * b.values[q++];
    else if (ai[p] < bi[q]) p++;
    else q++;
  }
  return s;
}
