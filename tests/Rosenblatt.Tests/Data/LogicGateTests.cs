using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class LogicGateTests
{
    [Fact]
    public void TwoInputGates_ListRowsInTruthTableOrder()
    {
        Assert.Equal([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], LogicGate.And.X);
        Assert.Equal([0, 0, 0, 1], LogicGate.And.Y);
        Assert.Equal([0, 1, 1, 1], LogicGate.Or.Y);
        Assert.Equal([1, 1, 1, 0], LogicGate.Nand.Y);
        Assert.Equal([1, 0, 0, 0], LogicGate.Nor.Y);
        Assert.Equal([0, 1, 1, 0], LogicGate.Xor.Y);
        Assert.Equal([1, 0, 0, 1], LogicGate.Xnor.Y);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void NInputGates_ComputeAndOrAndParityForEveryRow(int n)
    {
        var and = LogicGate.AndOf(n);
        var or = LogicGate.OrOf(n);
        var parity = LogicGate.Parity(n);
        Assert.Equal(1 << n, and.X.Length);
        for (int r = 0; r < and.X.Length; r++)
        {
            int ones = (int)and.X[r].Sum();
            Assert.Equal(ones == n ? 1 : 0, and.Y[r]);
            Assert.Equal(ones > 0 ? 1 : 0, or.Y[r]);
            Assert.Equal(ones % 2, parity.Y[r]);
        }
    }

    [Theory]
    [InlineData("XOR", "xor")]
    [InlineData(" parity3 ", "parity3")]
    [InlineData("and4", "and4")]
    public void FromName_FindsGatesCaseInsensitively(string name, string expected) =>
        Assert.Equal(expected, LogicGate.FromName(name).Name);

    [Fact]
    public void FromName_WithUnknownGate_ListsTheKnownOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogicGate.FromName("xand"));
        Assert.Contains("'xand' is not a known gate", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Parity_WithInputCountOutOfRange_Throws(int n) =>
        Assert.ThrowsAny<ArgumentException>(() => LogicGate.Parity(n));
}
