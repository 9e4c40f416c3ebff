import statistics as st

scores = [88, 92, 79, 93, 85, 92, 70, 100, 65, 92]
print("mean", st.mean(scores), "median", st.median(scores), "mode", st.mode(scores))
print("stdev %.4f pstdev %.4f" % (st.stdev(scores), st.pstdev(scores)))
print("variance", round(st.variance(scores), 3), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.quantiles(scores, n=4), st.multimode("aabbbccdd"))
print(st.fmean([1.5, 2.5, 3.5]), st.harmonic_mean([40, 60]), round(st.geometric_mean([2, 8]), 6))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(round(st.correlation(x, y), 6), st.linear_regression(x, y))
from fractions import Fraction
print(st.mean([Fraction(1, 2), Fraction(1, 3)]))
nd = st.NormalDist(mu=100, sigma=15)
print(round(nd.cdf(130), 4), round(nd.inv_cdf(0.5), 2), nd)
try:
    st.mean([])
except st.StatisticsError as e:
    print("StatisticsError:", e)
