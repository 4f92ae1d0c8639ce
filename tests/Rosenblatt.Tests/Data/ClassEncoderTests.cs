using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class ClassEncoderTests
{
    [Fact]
    public void Fit_SortsClasses_SoTheLargerLabelIsPositive()
    {
        var encoder = ClassEncoder<string>.Fit(["yes", "no", "yes"]);
        Assert.Equal(["no", "yes"], encoder.Classes);
        Assert.Equal([1, 0, 1], encoder.Encode(["yes", "no", "yes"]));
        Assert.Equal("yes", encoder.Decode(1));
        Assert.Equal([-1, 1], ClassEncoder<int>.Fit([1, -1, 1]).Classes);
    }

    [Fact]
    public void Encode_ALabelNeverSeenInTraining_IsAnErrorListingTheKnownOnes()
    {
        var encoder = ClassEncoder<string>.Fit(["cat", "dog"]);
        var e = Assert.Throws<ArgumentException>(() => encoder.Encode("bird"));
        Assert.Contains("label 'bird' was never seen in training (known: cat, dog)", e.Message);
        Assert.Contains("help:", e.Message);
    }

    [Fact]
    public void Fit_WithOneClass_SaysMoreAreNeeded()
    {
        var e = Assert.Throws<ArgumentException>(() => ClassEncoder<int>.Fit([3, 3, 3]));
        Assert.Contains("1 distinct label(s) (3) but at least 2 are needed", e.Message);
    }
}
