/**
 * Where each order parameter lives in the flat state vector of the GAN ODE.
 *
 * λ = ∞ (reduced ODE (13)-(14)): [P (d×d, row-major), q (d), r (d), S_jk for j < k]
 *   diag(S) ≡ 1 and z ≡ 1 are constraints, not variables.
 * finite λ (general ODE (8)):    [P (d×d), q (d), r (d), S_jk for j ≤ k, z]
 * P_ij = U_iᵀV_j (true feature i, generator column j), q_i = U_iᵀw, r_j = V_jᵀw, S = VᵀV, z = wᵀw.
 */

export interface GanLayout {
  d: number;
  reduced: boolean;
  P: number;
  q: number;
  r: number;
  /** Offset of the first S entry. */
  S: number;
  /** Offset of z (−1 when reduced). */
  z: number;
  size: number;
  names: string[];
  /** Index of S_jk (j ≤ k) in the state, or −1 when it is not a variable (diagonal, reduced). */
  sIndex(j: number, k: number): number;
}

export function ganLayout(d: number, reduced: boolean): GanLayout {
  const names: string[] = [];
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) names.push(`P${i + 1}${j + 1}`);
  for (let i = 0; i < d; i++) names.push(`q${i + 1}`);
  for (let j = 0; j < d; j++) names.push(`r${j + 1}`);
  const P = 0;
  const q = d * d;
  const r = q + d;
  const S = r + d;
  const sIdx = new Int32Array(d * d).fill(-1);
  let next = S;
  for (let j = 0; j < d; j++) {
    for (let k = j; k < d; k++) {
      if (reduced && j === k) continue;
      sIdx[j * d + k] = next;
      sIdx[k * d + j] = next;
      names.push(`S${j + 1}${k + 1}`);
      next++;
    }
  }
  let z = -1;
  if (!reduced) {
    z = next;
    names.push('z');
    next++;
  }
  return {
    d,
    reduced,
    P,
    q,
    r,
    S,
    z,
    size: next,
    names,
    sIndex: (j, k) => sIdx[j * d + k]!,
  };
}
