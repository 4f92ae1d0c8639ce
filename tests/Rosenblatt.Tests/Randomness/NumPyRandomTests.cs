using System.Security.Cryptography;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.Randomness;

// Expected numbers come from NumPy itself: the tutorials' printed values, and the regression values in
// numpy/random/tests/test_randomstate.py (seed 1234567890 and friends), which pin the legacy stream.
// NumPy's own test compares to 15 decimals; every double here matches exactly.
public class NumPyRandomTests
{
    private static readonly double[] Seed42Randn =
    [
        0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254,
        -0.23415337472333597, -0.23413695694918055, 1.5792128155073915, 0.7674347291529088,
        -0.4694743859349521, 0.5425600435859647, -0.46341769281246226, -0.46572975357025687,
    ];

    [Fact]
    public void Randn_AfterSeed42_ReplaysNumPyBitForBit()
    {
        Assert.Equal(Seed42Randn[..8], new NumPyRandom(42).Randn(8));
    }

    [Fact]
    public void Randn_AfterSeed42_NinthToTwelfthValuesMatchNumPy()
    {
        Assert.Equal(Seed42Randn, new NumPyRandom(42).Randn(12));
    }

    [Fact]
    public void Rand_AfterSeed42_Is0Point3745()
    {
        Assert.Equal(0.3745401188473625, new NumPyRandom(42).Rand());
    }

    [Fact]
    public void Rand_AfterSeed0_Is0Point5488()
    {
        Assert.Equal(0.5488135039273248, new NumPyRandom(0).Rand());
    }

    [Fact]
    public void Randn_AfterSeed0_Is1Point764()
    {
        Assert.Equal(1.764052345967664, new NumPyRandom(0).Randn());
    }

    [Fact]
    public void Randn_SeedTutorialWeights_AreRowMajorAndContinueTheStream()
    {
        // seed 002: np.random.seed(42); W1 = np.random.randn(2, 4) * 0.5; W2 = np.random.randn(4, 1) * 0.5
        var np = new NumPyRandom(42);
        double[,] w1 = np.Randn(2, 4);
        double[,] w2 = np.Randn(4, 1);

        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 4; c++)
                Assert.Equal(Seed42Randn[r * 4 + c] * 0.5, w1[r, c] * 0.5);
        for (int r = 0; r < 4; r++)
            Assert.Equal(Seed42Randn[8 + r] * 0.5, w2[r, 0] * 0.5);
    }

    [Fact]
    public void Randn_OneAtATime_EqualsOneArray()
    {
        var single = new NumPyRandom(7);
        double[] oneByOne = [.. Enumerable.Range(0, 9).Select(_ => single.Randn())];
        Assert.Equal(new NumPyRandom(7).Randn(9), oneByOne);
    }

    [Fact]
    public void Rand_NumPyRegressionSeed_MatchesTestRandomState()
    {
        double[,] actual = new NumPyRandom(1234567890).Rand(3, 2);
        double[,] expected =
        {
            { 0.61879477158567997, 0.59162362775974664 },
            { 0.88868358904449662, 0.89165480011560816 },
            { 0.4575674820298663, 0.7781880808593471 },
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Randn_NumPyRegressionSeed_MatchesTestRandomState()
    {
        double[,] actual = new NumPyRandom(1234567890).Randn(3, 2);
        double[,] expected =
        {
            { 1.34016345771863121, 1.73759122771936081 },
            { 1.498988344300628, -0.2286433324536169 },
            { 2.031033998682787, 2.17032494605655257 },
        };
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Uniform_NumPyRegressionSeed_MatchesTestRandomState()
    {
        double[] actual = new NumPyRandom(1234567890).Uniform(1.23, 10.54, 6);
        double[] expected =
        [
            6.99097932346268003, 6.73801597444323974, 9.50364421400426274,
            9.53130618907631089, 5.48995325769805476, 8.47493103280052118,
        ];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Normal_NumPyRegressionSeed_MatchesTestRandomState()
    {
        double[] actual = new NumPyRandom(1234567890).Normal(0.123456789, 2.0, 6);
        double[] expected =
        [
            2.80378370443726244, 3.59863924443872163, 3.121433477601256,
            -0.33382987590723379, 4.18552478636557357, 4.46410668111310471,
        ];
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void RandInt_NumPyRegressionSeed_MatchesTestRandomState()
    {
        Assert.Equal([31, 3, -52, 41, -48, -66], new NumPyRandom(1234567890).RandInt(-99, 99, 6));
    }

    [Theory]
    [InlineData(0L, 684)]
    [InlineData(4294967295L, 419)]
    public void RandInt_ScalarSeeds_MatchNumPyTestSeed(long seed, int expected)
    {
        Assert.Equal(expected, new NumPyRandom(seed).RandInt(0, 1000));
    }

    [Fact]
    public void RandInt_ThousandDrawsAfterSeed1234_HashLikeNumPy()
    {
        // test_repeatability: sha256 of randint(0, 6, size=1000) as little-endian int64 and int32.
        int[] values = new NumPyRandom(1234).RandInt(0, 6, 1000);
        byte[] asInt64 = values.SelectMany(v => BitConverter.GetBytes((long)v)).ToArray();
        byte[] asInt32 = values.SelectMany(BitConverter.GetBytes).ToArray();
        Assert.True(BitConverter.IsLittleEndian);
        Assert.Equal("0fbead0b06759df2cfb55e43148822d4a1ff953c7eb19a5b08445a63bb64fa9e",
            Convert.ToHexStringLower(SHA256.HashData(asInt64)));
        Assert.Equal("e577bfed6c935de944424667e3da285012e741892dcb7051a8f1ce68ab05c92f",
            Convert.ToHexStringLower(SHA256.HashData(asInt32)));
    }

    [Fact]
    public void RandInt_SingleValueRange_ConsumesNoDraw()
    {
        var np = new NumPyRandom(42);
        Assert.Equal(5, np.RandInt(5, 6));
        Assert.Equal(0.3745401188473625, np.Rand());
    }

    [Fact]
    public void Shuffle_NumPyRegressionSeed_MatchesTestRandomState()
    {
        int[] items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 0];
        new NumPyRandom(1234567890).Shuffle<int>(items);
        Assert.Equal([0, 1, 9, 6, 2, 4, 5, 8, 7, 3], items);
    }

    [Fact]
    public void Permutation_NumPyRegressionSeed_MatchesTestRandomState()
    {
        Assert.Equal([9, 0, 8, 5, 1, 3, 4, 7, 6, 2], new NumPyRandom(1234567890).Permutation(10));
    }

    [Fact]
    public void Constructor_NegativeSeed_QuotesValueAndHelps()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(-1));
        Assert.Equal("seed", ex.ParamName);
        Assert.Contains("received -1", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Constructor_SeedAbove32Bits_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(4294967296L));
        Assert.Contains("received 4294967296", ex.Message);
    }

    [Fact]
    public void RandInt_HighNotAboveLow_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).RandInt(3, 3));
        Assert.Equal("high", ex.ParamName);
        Assert.Contains("low=3, high=3", ex.Message);
    }

    [Fact]
    public void Normal_NegativeScale_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).Normal(0, -1));
        Assert.Equal("scale", ex.ParamName);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Uniform_InfiniteEnd_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).Uniform(0, double.PositiveInfinity));
    }

    [Fact]
    public void Randn_NegativeCount_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NumPyRandom(0).Randn(-2));
        Assert.Equal("n", ex.ParamName);
    }
}
