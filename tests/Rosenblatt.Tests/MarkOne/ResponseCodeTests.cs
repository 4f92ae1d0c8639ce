using Rosenblatt.MarkOne;

namespace Rosenblatt.Tests.MarkOne;

public class ResponseCodeTests
{
    [Theory]
    [InlineData(2, 8)]
    [InlineData(4, 8)]
    [InlineData(8, 8)]
    public void For_AtMostAsManyClassesAsRUnits_GivesOneUnitPerClass(int classes, int units)
    {
        var code = ResponseCode.For(classes, units);
        Assert.Equal(ResponseCoding.OnePerClass, code.Coding);
        Assert.Equal(classes, code.Units);
        for (int k = 0; k < classes; k++)
            Assert.Equal(Enumerable.Range(0, classes).Select(r => r == k ? 1 : -1), code.Codeword(k));
    }

    [Fact]
    public void For_TenDigitsOnEightUnits_GivesAnOutputCodeWithMinimumDistanceFour()
    {
        var code = ResponseCode.For(10, 8);
        Assert.Equal(ResponseCoding.OutputCode, code.Coding);
        Assert.Equal(8, code.Units);
        Assert.Equal(4, code.MinimumDistance);
        for (int i = 0; i < 10; i++)
            for (int j = i + 1; j < 10; j++)
                Assert.True(code.Codeword(i).Zip(code.Codeword(j)).Count(p => p.First != p.Second) >= 4);
    }

    [Theory]
    [InlineData(10, 8)]
    [InlineData(5, 3)]
    [InlineData(26, 8)]
    [InlineData(4, 8)]
    [InlineData(3, 2)]
    public void Decode_OfEveryCodeword_GivesItsClass(int classes, int units)
    {
        var code = ResponseCode.For(classes, units);
        var scratch = new double[classes];
        for (int k = 0; k < classes; k++)
        {
            var response = code.Codeword(k).Select(s => (float)s).ToArray();
            Assert.Equal(k, code.Decode(response, scratch));
        }
    }

    [Fact]
    public void Decode_WithOneUnitWrong_StillGivesTheClass_BecauseDistanceFourCorrectsOne()
    {
        var code = ResponseCode.For(10, 8);
        var scratch = new double[10];
        for (int k = 0; k < 10; k++)
            for (int flip = 0; flip < 8; flip++)
            {
                var response = code.Codeword(k).Select((s, r) => r == flip ? -s * 0.5f : s * 3f).ToArray();
                Assert.Equal(k, code.Decode(response, scratch));
            }
    }

    [Fact]
    public void Decode_AtATieInAgreement_PrefersTheCodewordOfTheStrongerResponses()
    {
        var code = ResponseCode.Restore(ResponseCoding.OutputCode, [[1, 1, -1, -1], [-1, -1, -1, -1]], 4);
        // Signs + − − − agree with both codewords on 3 units; unit 0's +5 is strong evidence for class 0.
        Assert.Equal(0, code.Decode([5f, -1f, -1f, -1f], new double[2]));
        Assert.Equal(1, code.Decode([0.1f, -9f, -1f, -1f], new double[2]));
    }

    [Fact]
    public void For_MoreClassesThanSignPatterns_SaysHowManyUnitsAreNeeded()
    {
        var ex = Assert.Throws<ArgumentException>(() => ResponseCode.For(5, 2));
        Assert.Contains("2 R-units give at most 4 distinct sign patterns, fewer than the 5 classes", ex.Message);
        Assert.Contains("help: use at least 5 R-units", ex.Message);
    }

    [Fact]
    public void Restore_WithTwoEqualCodewords_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => ResponseCode.Restore(ResponseCoding.OutputCode, [[1, -1], [1, -1]], 2));
        Assert.Contains("two classes have the same codeword", ex.Message);
    }
}
