#!/usr/bin/env python3
"""The benchmark peer of the sequence model: a plain SASRec with full cross-entropy, in PyTorch.

Bench-only: `igw bench sequence` writes the split it measures the workbench's model on, runs this script on the
same split with the same network size and epochs, and prints both. Users and tests never need it (nor PyTorch).

Input (argv[1]): one line per user, "train_items<TAB>test_item", items as 1-based integers, oldest first.
Output (stdout): one JSON object: parameters, seconds_per_epoch (median), epochs, hr@10, ndcg@10, hr@20, ndcg@20.
"""
import json
import math
import os
import statistics
import sys
import time

import torch
import torch.nn as nn


def read(path):
    users = []
    with open(path) as f:
        for line in f:
            train, test = line.rstrip("\n").split("\t")
            users.append(([int(i) for i in train.split(",") if i], int(test)))
    return users


class Block(nn.Module):
    def __init__(self, width, heads, dropout):
        super().__init__()
        self.norm1 = nn.LayerNorm(width, eps=1e-6)
        self.attention = nn.MultiheadAttention(width, heads, dropout=dropout, batch_first=True)
        self.drop1 = nn.Dropout(dropout)
        self.norm2 = nn.LayerNorm(width, eps=1e-6)
        self.ff = nn.Sequential(nn.Linear(width, width), nn.GELU(), nn.Linear(width, width))
        self.drop2 = nn.Dropout(dropout)

    def forward(self, x, hidden_from, padding):
        h = self.norm1(x)
        a, _ = self.attention(h, h, h, attn_mask=hidden_from, need_weights=False)
        x = x + self.drop1(a)
        x = x + self.drop2(self.ff(self.norm2(x)))
        return x * (~padding).unsqueeze(-1)


class SasRec(nn.Module):
    def __init__(self, items, width, blocks, heads, length, dropout):
        super().__init__()
        self.items = nn.Embedding(items + 1, width, padding_idx=0)
        self.positions = nn.Embedding(length, width)
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList([Block(width, heads, dropout) for _ in range(blocks)])
        self.norm = nn.LayerNorm(width, eps=1e-6)
        self.width = width
        self.heads = heads
        # nn.Embedding's N(0, 1) would make the first logits ~width wide and the loss start near 50: start the
        # tables as the workbench's model does
        nn.init.normal_(self.items.weight, std=1 / math.sqrt(width))
        nn.init.normal_(self.positions.weight, std=0.02)
        with torch.no_grad():
            self.items.weight[0].zero_()

    def forward(self, seq):
        t = seq.shape[1]
        padding = seq == 0
        positions = torch.arange(self.positions.num_embeddings - t, self.positions.num_embeddings)
        x = self.items(seq) * math.sqrt(self.width) + self.positions(positions)
        x = self.drop(x) * (~padding).unsqueeze(-1)
        # position i may not look at a later position nor at padding; it always sees itself, so that a padded
        # position's softmax stays finite (a key padding mask alone would make those rows NaN)
        causal = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        hidden_from = causal.unsqueeze(0) | padding.unsqueeze(1)
        hidden_from &= ~torch.eye(t, dtype=torch.bool).unsqueeze(0)
        hidden_from = hidden_from.repeat_interleave(self.heads, dim=0)
        for block in self.blocks:
            x = block(x, hidden_from, padding)
        return self.norm(x)


def left_pad(rows, length):
    t = max(1, min(length, max(len(r) for r in rows)))
    out = torch.zeros(len(rows), t, dtype=torch.long)
    for n, r in enumerate(rows):
        r = r[-t:]
        if r:
            out[n, t - len(r):] = torch.tensor(r)
    return out


def main():
    path, items, width, blocks, heads, length, epochs, batch, seed = sys.argv[1], *map(int, sys.argv[2:10])
    dropout, lr = 0.2, 1e-3
    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count())
    users = read(path)
    model = SasRec(items, width, blocks, heads, length, dropout)
    parameters = sum(p.numel() for p in model.parameters())
    optimiser = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.98))
    loss_of = nn.CrossEntropyLoss(ignore_index=0)
    learnable = [u for u in users if len(u[0]) >= 2]
    seconds = []
    for epoch in range(epochs):
        model.train()
        started = time.perf_counter()
        order = torch.randperm(len(learnable)).tolist()
        for start in range(0, len(order), batch):
            chosen = [learnable[k][0] for k in order[start:start + batch]]
            inputs = left_pad([s[:-1] for s in chosen], length)
            t = inputs.shape[1]
            targets = left_pad([s[1:][-t:] for s in chosen], t)
            hidden = model(inputs)
            logits = hidden @ model.items.weight.T
            logits[..., 0] = -1e9
            loss = loss_of(logits.reshape(-1, items + 1), targets.reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        seconds.append(time.perf_counter() - started)
    model.eval()
    figures = {"hr@10": 0.0, "ndcg@10": 0.0, "hr@20": 0.0, "ndcg@20": 0.0}
    with torch.no_grad():
        for start in range(0, len(users), 256):
            part = users[start:start + 256]
            hidden = model(left_pad([u[0] for u in part], length))[:, -1, :]
            scores = hidden @ model.items.weight.T
            scores[:, 0] = -float("inf")
            for n, (train, test) in enumerate(part):
                row = scores[n]
                row[train] = -float("inf")
                # a target scored NaN ranks last, so that a broken network cannot look perfect
                rank = len(row) if torch.isnan(row[test]) else int((row > row[test]).sum())
                for k in (10, 20):
                    if rank < k:
                        figures["hr@%d" % k] += 1
                        figures["ndcg@%d" % k] += 1 / math.log2(rank + 2)
    for key in figures:
        figures[key] /= len(users)
    print(json.dumps({"parameters": parameters, "seconds_per_epoch": statistics.median(seconds), "epochs": epochs,
                      "threads": torch.get_num_threads(), **figures}))


if __name__ == "__main__":
    main()
