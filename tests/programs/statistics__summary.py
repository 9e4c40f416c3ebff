import statistics as st
from statistics import mean, median, mode, stdev, variance, pstdev, pvariance, quantiles, StatisticsError
from fractions import Fraction
data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(mean(data), median(data), mode(data), stdev(data), variance(data), pstdev(data), pvariance(data))
print(mean([1, 2, 3, 4, 4]), median([1, 3, 5, 7]), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]))
print(mode(["red", "blue", "blue", "red", "green", "red"]), st.multimode("aabbbbccddddeeffffgg"), st.fmean([3.5, 4.0, 5.25]))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), mean([Fraction(1, 2), Fraction(3, 4)]), variance([Fraction(1, 4), Fraction(5, 4)]))
print(quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129, 106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95, 103, 107, 101, 81, 109, 104], n=10))
print(quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4), quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4, method="inclusive"))
print(st.covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3]), st.correlation([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]))
print(st.linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11]))
nd = st.NormalDist(100, 15)
print(nd, round(nd.cdf(130), 6), round(nd.inv_cdf(0.975), 6), nd.mean, nd.stdev, round(nd.pdf(100), 8), nd + 5, st.NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5]))
print(round(st.NormalDist(0, 1).overlap(st.NormalDist(1, 1)), 6), nd.quantiles(4), mean([True, False, True]))
for f, arg in [(mean, []), (stdev, [1]), (variance, [5]), (median, []), (mode, []), (quantiles, [1])]:
    try:
        f(arg)
    except StatisticsError as e:
        print("StatisticsError:", e)
try:
    mean(["a", "b"])
except TypeError as e:
    print("TypeError:", e)
scores = {"ann": [88, 92, 79], "bob": [65, 70, 72], "cy": [95, 98, 91]}
for name, s in scores.items():
    print(f"{name:>4}: mean {mean(s):6.2f} median {median(s):5} stdev {stdev(s):.3f}")
print(issubclass(StatisticsError, ValueError))
