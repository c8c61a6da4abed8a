#!/usr/bin/env python3
"""The benchmark peer of the autoencoder: the same Mult-DAE in PyTorch (items -> tanh bottleneck, input dropout,
softmax over items, multinomial cross-entropy, Adam, L2), on the same training rows, batch and epochs.

Bench-only: `igw bench train --model autoencoder` writes the rows it trains on and runs this script in the same run.
Users and tests never need it (nor PyTorch).

Input (argv[1]): one line per user, the user's items as 0-based integers separated by commas.
Output (stdout): one JSON object: seconds_per_epoch (median over epochs), epochs, threads, parameters.
"""
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn


def main():
    path, items, bottleneck, batch, epochs, seed = sys.argv[1], *map(int, sys.argv[2:7])
    keep, lr, l2 = float(sys.argv[7]), float(sys.argv[8]), float(sys.argv[9])
    torch.manual_seed(seed)
    torch.set_num_threads(os.cpu_count())
    rows = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            rows.append([int(i) for i in line.split(",")] if line else [])
    encoder = nn.Linear(items, bottleneck)
    decoder = nn.Linear(bottleneck, items)
    nn.init.xavier_normal_(encoder.weight)
    nn.init.xavier_normal_(decoder.weight)
    drop = nn.Dropout(1 - keep)
    parameters = list(encoder.parameters()) + list(decoder.parameters())
    optimiser = torch.optim.Adam(parameters, lr=lr, weight_decay=l2)
    seconds = []
    for epoch in range(epochs):
        started = time.perf_counter()
        order = torch.randperm(len(rows)).tolist()
        for start in range(0, len(order), batch):
            chosen = [rows[k] for k in order[start:start + batch]]
            x = torch.zeros(len(chosen), items)
            for n, r in enumerate(chosen):
                if r:
                    x[n, r] = 1.0
            counts = x.sum(1, keepdim=True).clamp(min=1)
            inputs = x / counts.sqrt()
            target = x / counts
            logits = decoder(torch.tanh(encoder(drop(inputs))))
            loss = -(torch.log_softmax(logits, 1) * target).sum(1).mean()
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
        seconds.append(time.perf_counter() - started)
    print(json.dumps({"seconds_per_epoch": statistics.median(seconds), "epochs": epochs,
                      "threads": torch.get_num_threads(), "parameters": sum(p.numel() for p in parameters)}))


if __name__ == "__main__":
    main()
