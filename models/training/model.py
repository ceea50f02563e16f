"""Sideman's accompaniment model: a small decoder-only transformer (pre-norm, learned absolute
positions, tied input/output embeddings).

The same attention code serves training (whole sequences, causal mask) and incremental decoding
with a fixed-size key/value cache (see models/ONNX_CONTRACT.md). The cache is read in place and
never concatenated: attention over the cache and over the new tokens is computed separately and
the two score blocks are joined before one softmax. That keeps every tensor the runtime owns at a
fixed shape, so the C# side can bind them once and reuse them for every token.
"""
from __future__ import annotations

import dataclasses
import json
import math
from typing import List, Optional, Tuple

import torch
import torch.nn as nn
import torch.nn.functional as F

# Added to attention scores at masked positions. Large enough that exp() underflows to exactly 0
# in float32, small enough that no arithmetic on it overflows to inf or NaN.
MASK_VALUE = -1.0e9


@dataclasses.dataclass
class ModelConfig:
    vocab_size: int
    n_layers: int = 4
    d_model: int = 256
    n_heads: int = 4
    d_ff: int = 1024
    max_positions: int = 512
    dropout: float = 0.1
    pad_id: int = 0

    def __post_init__(self) -> None:
        if self.d_model % self.n_heads != 0:
            raise ValueError(f"d_model {self.d_model} is not divisible by n_heads {self.n_heads}")
        if self.vocab_size < 2:
            raise ValueError(f"vocab_size {self.vocab_size} is too small")

    @property
    def head_dim(self) -> int:
        return self.d_model // self.n_heads

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), sort_keys=True)

    @staticmethod
    def from_dict(d: dict) -> "ModelConfig":
        names = {f.name for f in dataclasses.fields(ModelConfig)}
        return ModelConfig(**{k: v for k, v in d.items() if k in names})


def causal_bias(s: int, device) -> torch.Tensor:
    """[s, s] additive mask: 0 where token i may see token j (j <= i), MASK_VALUE elsewhere."""
    idx = torch.arange(s, device=device)
    allowed = idx.unsqueeze(1) >= idx.unsqueeze(0)
    return torch.where(allowed, torch.zeros(1, device=device), torch.full((1,), MASK_VALUE, device=device))


class SelfAttention(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.n_heads = cfg.n_heads
        self.head_dim = cfg.head_dim
        self.qkv = nn.Linear(cfg.d_model, 3 * cfg.d_model)
        self.out = nn.Linear(cfg.d_model, cfg.d_model)

    def forward(
        self,
        x: torch.Tensor,
        causal_bias: torch.Tensor,
        cache_bias: Optional[torch.Tensor] = None,
        cache_k: Optional[torch.Tensor] = None,
        cache_v: Optional[torch.Tensor] = None,
    ) -> Tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """x: [B, S, d]. causal_bias: [S, S] additive mask among the new tokens.
        cache_k/cache_v: [B, H, T, Dh] or None; cache_bias: [T] additive mask over the cache slots.
        Returns (output [B, S, d], new keys [B, H, S, Dh], new values [B, H, S, Dh])."""
        b, s, d = x.shape
        qkv = self.qkv(x).view(b, s, 3, self.n_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        q = q * (1.0 / math.sqrt(self.head_dim))
        scores_new = torch.matmul(q, k.transpose(-1, -2)) + causal_bias
        # No dropout on the attention matrix: on CPU it costs a quarter of a training step.
        if cache_k is None:
            y = torch.matmul(torch.softmax(scores_new, dim=-1), v)
        else:
            t = cache_k.shape[2]
            scores_cache = torch.matmul(q, cache_k.transpose(-1, -2)) + cache_bias
            probs = torch.softmax(torch.cat([scores_cache, scores_new], dim=-1), dim=-1)
            y = torch.matmul(probs[..., :t], cache_v) + torch.matmul(probs[..., t:], v)
        y = y.transpose(1, 2).reshape(b, s, d)
        return self.out(y), k, v


class Block(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.ln1 = nn.LayerNorm(cfg.d_model)
        self.attn = SelfAttention(cfg)
        self.ln2 = nn.LayerNorm(cfg.d_model)
        self.ff = nn.Sequential(
            nn.Linear(cfg.d_model, cfg.d_ff),
            nn.GELU(),
            nn.Linear(cfg.d_ff, cfg.d_model),
        )
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, causal_bias, cache_bias=None, cache_k=None, cache_v=None):
        a, k, v = self.attn(self.ln1(x), causal_bias, cache_bias, cache_k, cache_v)
        x = x + self.drop(a)
        x = x + self.drop(self.ff(self.ln2(x)))
        return x, k, v


class SidemanLM(nn.Module):
    def __init__(self, cfg: ModelConfig) -> None:
        super().__init__()
        self.cfg = cfg
        self.tok_emb = nn.Embedding(cfg.vocab_size, cfg.d_model)
        self.pos_emb = nn.Embedding(cfg.max_positions, cfg.d_model)
        self.drop = nn.Dropout(cfg.dropout)
        self.blocks = nn.ModuleList([Block(cfg) for _ in range(cfg.n_layers)])
        self.ln_f = nn.LayerNorm(cfg.d_model)
        self.apply(self._init_weights)
        # Residual projections scaled down with depth (GPT-2's scheme) so deep stacks start stable.
        for name, p in self.named_parameters():
            if name.endswith("attn.out.weight") or name.endswith("ff.2.weight"):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layers))

    @staticmethod
    def _init_weights(m: nn.Module) -> None:
        if isinstance(m, nn.Linear):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)
            nn.init.zeros_(m.bias)
        elif isinstance(m, nn.Embedding):
            nn.init.normal_(m.weight, mean=0.0, std=0.02)

    def num_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def _logits(self, x: torch.Tensor) -> torch.Tensor:
        return F.linear(self.ln_f(x), self.tok_emb.weight)  # tied embeddings

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        """Training / full-sequence path. tokens: [B, S] int64 -> logits [B, S, V]."""
        s = tokens.shape[1]
        if s > self.cfg.max_positions:
            raise ValueError(f"sequence of {s} tokens exceeds max_positions {self.cfg.max_positions}")
        pos = torch.arange(s, device=tokens.device)
        x = self.drop(self.tok_emb(tokens) + self.pos_emb(pos))
        bias = causal_bias(s, x.device)
        for blk in self.blocks:
            x, _, _ = blk(x, bias)
        return self._logits(x)

    def forward_cached(
        self,
        tokens: torch.Tensor,
        past_length: torch.Tensor,
        cache_keys: List[torch.Tensor],
        cache_values: List[torch.Tensor],
    ) -> Tuple[torch.Tensor, List[torch.Tensor], List[torch.Tensor]]:
        """Incremental path (the exported graph).

        tokens: [B, S] int64, the new tokens at positions past_length .. past_length+S-1.
        past_length: [1] int64, how many leading cache slots hold real keys/values.
        cache_keys/values: per layer [B, H, T, Dh]; slots >= past_length are ignored (must be finite).
        Returns logits [B, S, V] and per layer the new keys/values [B, H, S, Dh], which the caller
        writes into cache slots past_length .. past_length+S-1 before the next call.
        """
        s = tokens.shape[1]
        t = cache_keys[0].shape[2]
        pos = past_length + torch.arange(s, device=tokens.device)
        cache_valid = torch.arange(t, device=tokens.device) < past_length
        cache_bias = torch.where(cache_valid, torch.zeros(1), torch.full((1,), MASK_VALUE))
        x = self.tok_emb(tokens) + self.pos_emb(pos)
        bias = causal_bias(s, tokens.device)
        new_k, new_v = [], []
        for blk, ck, cv in zip(self.blocks, cache_keys, cache_values):
            x, k, v = blk(x, bias, cache_bias, ck, cv)
            new_k.append(k)
            new_v.append(v)
        return self._logits(x), new_k, new_v

    def empty_cache(self, batch: int, cache_len: int) -> Tuple[List[torch.Tensor], List[torch.Tensor]]:
        shape = (batch, self.cfg.n_heads, cache_len, self.cfg.head_dim)
        ks = [torch.zeros(shape) for _ in range(self.cfg.n_layers)]
        vs = [torch.zeros(shape) for _ in range(self.cfg.n_layers)]
        return ks, vs


class CachedDecoder:
    """Reference incremental decoder in PyTorch, mirroring what the C# runtime does with the ONNX
    graph: a fixed cache of cache_len slots, new keys/values written at past_length."""

    def __init__(self, model: SidemanLM, cache_len: int) -> None:
        self.model = model
        self.cache_len = cache_len
        self.keys, self.values = model.empty_cache(1, cache_len)
        self.length = 0

    @torch.no_grad()
    def feed(self, tokens: List[int]) -> torch.Tensor:
        s = len(tokens)
        if self.length + s > self.cache_len:
            raise ValueError(f"cache of {self.cache_len} slots cannot hold {self.length + s} tokens")
        x = torch.tensor([tokens], dtype=torch.long)
        logits, nk, nv = self.model.forward_cached(
            x, torch.tensor([self.length], dtype=torch.long), self.keys, self.values
        )
        for layer in range(len(nk)):
            self.keys[layer][:, :, self.length:self.length + s, :] = nk[layer]
            self.values[layer][:, :, self.length:self.length + s, :] = nv[layer]
        self.length += s
        return logits[0]
