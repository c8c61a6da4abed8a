package io.igw.engine.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated user: a few latent interest categories (strongest first), demographic attributes, how active they
 * are, and whether (and when) they stop coming back.
 */
final class Shopper {
    private static final String[] CITIES = {"Beijing", "Shanghai", "Guangzhou", "Shenzhen", "Hangzhou", "Chengdu",
        "Wuhan", "Nanjing", "Xi'an", "Chongqing", "Suzhou", "Tianjin"};

    final long id;
    final int[] interests;
    final double[] cumulativeWeights;
    final int age;
    final String gender;
    final String city;
    final int sessions;
    final boolean churned;
    final int activeDays;

    Shopper(long id, int leafCount, int days, SplittableRandom r) {
        this.id = id;
        double u = r.nextDouble();
        int k = u < 0.3 ? 1 : u < 0.65 ? 2 : u < 0.85 ? 3 : 4;
        interests = distinct(k, leafCount, r);
        double[] w = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = Math.pow(0.6, i) * (0.9 + 0.2 * r.nextDouble()); // decreasing, so "strongest first" holds
            sum += w[i];
        }
        cumulativeWeights = new double[k];
        double c = 0;
        for (int i = 0; i < k; i++) {
            c += w[i] / sum;
            cumulativeWeights[i] = c;
        }
        age = (int) Math.max(16, Math.min(75, Math.round(32 + 9 * r.nextGaussian())));
        double g = r.nextDouble();
        gender = g < 0.52 ? "F" : g < 0.98 ? "M" : "X";
        city = CITIES[(int) Math.min(CITIES.length - 1, Math.floor(-Math.log(1 - r.nextDouble()) * 3))];
        // decision: a log-normal number of sessions gives the long tail of heavy users real logs have
        sessions = (int) Math.max(2, Math.round(Math.exp(2.3 + 0.6 * r.nextGaussian())));
        churned = r.nextDouble() < 0.2;
        activeDays = churned ? 8 + r.nextInt(Math.max(1, days - 18)) : days;
    }

    /** A category for the next session: one of the user's interests, or now and then any category. */
    int sessionLeaf(int leafCount, SplittableRandom r) {
        if (r.nextDouble() < 0.1) {
            return r.nextInt(leafCount);
        }
        double u = r.nextDouble();
        for (int i = 0; i < interests.length; i++) {
            if (u <= cumulativeWeights[i]) {
                return interests[i];
            }
        }
        return interests[interests.length - 1];
    }

    private static int[] distinct(int k, int n, SplittableRandom r) {
        List<Integer> chosen = new ArrayList<>();
        while (chosen.size() < k) {
            int x = r.nextInt(n);
            if (!chosen.contains(x)) {
                chosen.add(x);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Shopper " + id + " " + Arrays.toString(interests);
    }
}
