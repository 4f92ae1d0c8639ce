using Rosenblatt.MarkOne;

namespace Rosenblatt.Tests.MarkOne;

public class MarkOneOptionsTests
{
    [Fact]
    public void Defaults_AreThe1960Machine_20x20Retina512AUnits8RUnits()
    {
        var options = new MarkOneOptions();
        Assert.Equal(400, options.RetinaPoints);
        Assert.Equal(512, options.AssociationUnits);
        Assert.Equal(8, options.ResponseUnits);
        Assert.Equal(MarkOneLearningRule.ErrorCorrection, options.LearningRule);
        options.Validate();
    }

    public static TheoryData<MarkOneOptions, string, string> BadOptions => new()
    {
        { new MarkOneOptions { AssociationUnits = 0 }, "AssociationUnits must be >= 1 (received 0)", "help: the Mark I had 512 A-units" },
        { new MarkOneOptions { ResponseUnits = 0 }, "ResponseUnits must be >= 1 (received 0)", "help: the Mark I had 8 R-units" },
        { new MarkOneOptions { ResponseUnits = 65 }, "ResponseUnits must be <= 64 (received 65)", "help:" },
        { new MarkOneOptions { RetinaWidth = 0 }, "RetinaWidth must be >= 1 (received 0)", "help:" },
        { new MarkOneOptions { Epochs = 0 }, "Epochs must be >= 1 (received 0)", "help: train for at least one pass" },
        { new MarkOneOptions { ExcitatoryConnections = -1 }, "ExcitatoryConnections must be >= 0 (received -1)", "help:" },
        { new MarkOneOptions { ExcitatoryConnections = 0, InhibitoryConnections = 0 }, "an A-unit needs at least one wire", "help: the default is 5 + 5" },
        { new MarkOneOptions { RetinaWidth = 3, RetinaHeight = 3, ExcitatoryConnections = 5, InhibitoryConnections = 5 }, "more than the 9 points of a 3×3 retina", "help: use at most 9 wires" },
        { new MarkOneOptions { Threshold = 6 }, "Threshold must be between -4 and 5", "above 5 a unit never fires" },
        { new MarkOneOptions { Threshold = -5 }, "(received -5)", "at -5 or below it always fires" },
        { new MarkOneOptions { LearningRule = (MarkOneLearningRule)7 }, "LearningRule 7 is not defined.", "help: use ErrorCorrection or Gamma." },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Create_WithABadOption_NamesItQuotesTheValueAndGivesTheFix(MarkOneOptions options, string problem, string help)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new MarkOnePerceptron(options));
        Assert.Contains(problem, ex.Message);
        Assert.Contains(help, ex.Message);
    }

    [Fact]
    public void Create_WithThresholdAtEitherEndOfItsRange_IsAccepted()
    {
        new MarkOneOptions { ExcitatoryConnections = 3, InhibitoryConnections = 2, Threshold = 3 }.Validate();
        new MarkOneOptions { ExcitatoryConnections = 3, InhibitoryConnections = 2, Threshold = -1 }.Validate();
    }
}
