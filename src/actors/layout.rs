//! A force-directed layout of the network (Fruchterman–Reingold) with no egui in it:
//! deterministic (start positions come from a seed and each actor's id), incremental (a few
//! steps per frame, cooling until still) and stable (a node keeps its place when the filter
//! changes; new nodes start near their neighbours). Positions are in a unit square around 0.

use std::collections::BTreeMap;

use super::ActorId;
use super::network::Network;

/// Node positions and the layout's temperature.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    seed: u64,
    pos: BTreeMap<ActorId, [f32; 2]>,
    /// The largest move of one step; cools towards 0.
    temperature: f32,
}

/// Below this temperature the layout is still.
const STILL: f32 = 1e-4;
const START_TEMPERATURE: f32 = 0.1;
const COOLING: f32 = 0.95;

/// A number in [0, 1) from an id and a seed (FNV-1a then a mix).
fn unit_hash(id: &str, seed: u64, salt: u64) -> f32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ salt;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    (h >> 40) as f32 / (1u64 << 24) as f32
}

impl Layout {
    pub fn new(seed: u64) -> Self {
        Self {
            seed,
            pos: BTreeMap::new(),
            temperature: START_TEMPERATURE,
        }
    }

    /// Match the layout to `net`: drop nodes it no longer has, place new ones (near a placed
    /// neighbour, else from the seed) and warm up if anything changed.
    pub fn sync(&mut self, net: &Network) {
        let before = self.pos.len();
        let wanted: BTreeMap<&ActorId, ()> = net.nodes.iter().map(|n| (&n.actor.id, ())).collect();
        self.pos.retain(|id, _| wanted.contains_key(id));
        let mut changed = self.pos.len() != before;
        for n in &net.nodes {
            let id = &n.actor.id;
            if self.pos.contains_key(id) {
                continue;
            }
            let jitter = |salt| (unit_hash(&id.0, self.seed, salt) - 0.5) * 0.1;
            let neighbour = net
                .edges
                .iter()
                .filter_map(|e| {
                    if &e.a == id {
                        self.pos.get(&e.b)
                    } else if &e.b == id {
                        self.pos.get(&e.a)
                    } else {
                        None
                    }
                })
                .next()
                .copied();
            let p = match neighbour {
                Some([x, y]) => [x + jitter(1), y + jitter(2)],
                None => [
                    unit_hash(&id.0, self.seed, 3) - 0.5,
                    unit_hash(&id.0, self.seed, 4) - 0.5,
                ],
            };
            self.pos.insert(id.clone(), p);
            changed = true;
        }
        if changed {
            self.temperature = self.temperature.max(START_TEMPERATURE);
        }
    }

    /// Is the layout still (no step would move anything)?
    pub fn is_still(&self) -> bool {
        self.temperature < STILL
    }

    pub fn position(&self, id: &ActorId) -> Option<[f32; 2]> {
        self.pos.get(id).copied()
    }

    pub fn positions(&self) -> &BTreeMap<ActorId, [f32; 2]> {
        &self.pos
    }

    /// Run up to `steps` steps; returns whether the layout moved. Call [`Layout::sync`] first.
    pub fn step(&mut self, net: &Network, steps: usize) -> bool {
        let mut moved = false;
        for _ in 0..steps {
            if self.is_still() {
                break;
            }
            self.one_step(net);
            moved = true;
        }
        moved
    }

    fn one_step(&mut self, net: &Network) {
        let ids: Vec<&ActorId> = self.pos.keys().collect();
        let n = ids.len().max(1);
        let k = (1.0 / n as f32).sqrt(); // ideal edge length in the unit square
        let pos: Vec<[f32; 2]> = self.pos.values().copied().collect();
        let mut disp = vec![[0.0f32; 2]; pos.len()];
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
                let d2 = (dx * dx + dy * dy).max(1e-6);
                let f = k * k / d2; // repulsion k²/d, divided by d for the unit vector
                disp[i][0] += dx * f;
                disp[i][1] += dy * f;
                disp[j][0] -= dx * f;
                disp[j][1] -= dy * f;
            }
        }
        let index: BTreeMap<&ActorId, usize> =
            ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
        for e in &net.edges {
            let (Some(&i), Some(&j)) = (index.get(&e.a), index.get(&e.b)) else {
                continue;
            };
            let (dx, dy) = (pos[i][0] - pos[j][0], pos[i][1] - pos[j][1]);
            let d = (dx * dx + dy * dy).sqrt().max(1e-3);
            let w = 1.0 + (e.sentences as f32).ln();
            let f = w * d / k; // attraction d²/k, divided by d for the unit vector
            disp[i][0] -= dx * f;
            disp[i][1] -= dy * f;
            disp[j][0] += dx * f;
            disp[j][1] += dy * f;
        }
        let t = self.temperature;
        for ((_, p), d) in self.pos.iter_mut().zip(&disp) {
            // A weak pull to the centre keeps separate components in view.
            let d = [d[0] - p[0] * 0.05, d[1] - p[1] * 0.05];
            let len = (d[0] * d[0] + d[1] * d[1]).sqrt();
            if len > 0.0 {
                let m = len.min(t) / len;
                p[0] = (p[0] + d[0] * m).clamp(-1.0, 1.0);
                p[1] = (p[1] + d[1] * m).clamp(-1.0, 1.0);
            }
        }
        self.temperature *= COOLING;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::network::{Edge, Node};
    use crate::actors::{Actor, ActorKind};

    fn net(ids: &[&str], edges: &[(&str, &str)]) -> Network {
        let node = |id: &str| Node {
            actor: Actor {
                id: ActorId(id.into()),
                name: id.into(),
                kind: ActorKind::Country,
                country: None,
                org: None,
            },
            mentions: 1,
        };
        let edge = |a: &str, b: &str| Edge {
            a: ActorId(a.into()),
            b: ActorId(b.into()),
            sentences: 1,
            a_to_b: 0,
            b_to_a: 0,
            types: Default::default(),
            themes: Default::default(),
            relations: Vec::new(),
        };
        Network {
            nodes: ids.iter().map(|i| node(i)).collect(),
            edges: edges.iter().map(|(a, b)| edge(a, b)).collect(),
        }
    }

    #[test]
    fn deterministic_cools_to_still_and_keeps_places() {
        let n = net(&["A", "B", "C", "D"], &[("A", "B"), ("B", "C")]);
        let run = || {
            let mut l = Layout::new(7);
            l.sync(&n);
            l.step(&n, 1000);
            l
        };
        let (a, b) = (run(), run());
        assert_eq!(a, b, "same seed, same layout");
        assert!(a.is_still());
        assert!(!run().clone().step(&n, 10), "a still layout does not move");
        // Linked nodes end nearer than unlinked ones.
        let d = |x: &str, y: &str| {
            let (p, q) = (
                a.position(&ActorId(x.into())),
                a.position(&ActorId(y.into())),
            );
            let (p, q) = (p.unwrap_or_default(), q.unwrap_or_default());
            ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2)).sqrt()
        };
        assert!(d("A", "B") < d("A", "D"));
        // A new node keeps the others where they were until the next steps, and starts near
        // its neighbour.
        let mut l = a.clone();
        let bigger = net(
            &["A", "B", "C", "D", "E"],
            &[("A", "B"), ("B", "C"), ("E", "D")],
        );
        l.sync(&bigger);
        assert_eq!(
            l.position(&ActorId("A".into())),
            a.position(&ActorId("A".into()))
        );
        assert!(!l.is_still());
        let e = l.position(&ActorId("E".into())).unwrap_or_default();
        let dpos = a.position(&ActorId("D".into())).unwrap_or_default();
        assert!((e[0] - dpos[0]).abs() <= 0.05 && (e[1] - dpos[1]).abs() <= 0.05);
        for p in l.positions().values() {
            assert!(p.iter().all(|c| (-1.0..=1.0).contains(c)));
        }
    }
}
