using Rosenblatt.Lessons.Grading;

namespace Rosenblatt.Lessons.Tests;

/// <summary>Typical wrong answers get the feedback written for them: specific, with the learner's numbers, first failure first.</summary>
[Collection(EngineCollection.Name)]
public sealed class FeedbackTests(EngineFixture fixture)
{
    public static TheoryData<int, string, string, string> WrongAnswers() => new()
    {
        // Lesson 1: AND's numbers used for OR; the starter's zeros; NAND with positive weights.
        { 1, "gates", "double[] orWeights = [1, 1]; double orBias = -1.5; double[] nandWeights = [-1, -1]; double nandBias = 1.5; double[] norWeights = [-1, -1]; double norBias = 0.5;",
            "for input [0, 1] your OR neuron outputs 0: 0·1 + 1·1 + (-1.5) = -0.5, which is < 0. One input alone must be enough for OR" },
        { 1, "gates", "double[] orWeights = [0, 0]; double orBias = 0; double[] nandWeights = [-1, -1]; double nandBias = 1.5; double[] norWeights = [-1, -1]; double norBias = 0.5;",
            "for input [0, 0] your OR neuron outputs 1: 0·0 + 0·0 + 0 = 0, which is ≥ 0. With both inputs 0 only the bias counts, so for OR the bias must be negative" },
        { 1, "gates", "double[] orWeights = [1, 1]; double orBias = -0.5; double[] nandWeights = [1, 1]; double nandBias = 0.5; double[] norWeights = [-1, -1]; double norBias = 0.5;",
            "for input [1, 1] your NAND neuron outputs 1" },
        { 1, "gates", "double[] orWeights = [1, 1, 1]; double orBias = -0.5; double[] nandWeights = [-1, -1]; double nandBias = 1.5; double[] norWeights = [-1, -1]; double norBias = 0.5;",
            "orWeights has 3 numbers; a neuron with two inputs needs exactly two weights" },
        // Lesson 2: the update rule with its usual slips.
        { 2, "update", "double Update(double weight, double lr, int error, double input) => weight - lr * error * input;", "You subtract the nudge" },
        { 2, "update", "double Update(double weight, double lr, int error, double input) => weight + lr * error;", "without the input" },
        { 2, "update", "double Update(double weight, double lr, int error, double input) => lr * error * input;", "You return only the nudge" },
        { 2, "update", "double Update(double weight, double lr, int error, double input) => weight + error * input;", "without the learning rate" },
        // Lesson 3: XOR attempts and the hidden layer.
        { 3, "xor-try", "double[] xorWeights = [1, -1]; double xorBias = 5;", "your neuron gets 2 of 4 rows right" },
        { 3, "xor-network", "int Heaviside(double z) => z >= 0 ? 1 : 0;\nint Xor(double x1, double x2) { int h1 = Heaviside(x1 + x2 - 0.5); int h2 = Heaviside(-x1 - x2 + 1.5); return Heaviside(h1 + h2 - 0.5); }",
            "for input [0, 0] your Xor returns 1, but XOR is 0. Here h1 (OR) = 0 and h2 (NAND) = 1" },
        // Lesson 4: the mirrored sigmoid, the missing minus, the wrong logarithm.
        { 4, "sigmoid-loss", "double MySigmoid(double z) => 1 / (1 + Math.Exp(z));\ndouble CrossEntropy(double p, int y) => -(y * Math.Log(p) + (1 - y) * Math.Log(1 - p));", "Your curve is mirrored" },
        { 4, "sigmoid-loss", "double MySigmoid(double z) => 1 / (1 + Math.Exp(-z));\ndouble CrossEntropy(double p, int y) => y * Math.Log(p) + (1 - y) * Math.Log(1 - p);", "the minus sign in front is missing" },
        { 4, "sigmoid-loss", "double MySigmoid(double z) => 1 / (1 + Math.Exp(-z));\ndouble CrossEntropy(double p, int y) => -(y * Math.Log10(p) + (1 - y) * Math.Log10(1 - p));", "Math.Log10" },
        // Lesson 5: the chain rule's usual breaks.
        { 5, "gradients", "double dL_dy = y - t; double dL_dz2 = dL_dy; double dL_dw2 = dL_dz2 * h; double dL_db2 = dL_dz2; double dL_dh = dL_dz2 * w2; double dL_dz1 = dL_dh * h * (1 - h); double dL_dw1 = dL_dz1 * x; double dL_db1 = dL_dz1;",
            "You left out the sigmoid's slope: ∂y/∂z2 = y·(1 − y)" },
        { 5, "gradients", "double dL_dy = y - t; double dL_dz2 = dL_dy * y * (1 - y); double dL_dw2 = dL_dz2 * x; double dL_db2 = dL_dz2; double dL_dh = dL_dz2 * w2; double dL_dz1 = dL_dh * h * (1 - h); double dL_dw1 = dL_dz1 * x; double dL_db1 = dL_dz1;",
            "w2 multiplies h, not x" },
        { 5, "gradients", "double dL_dy = y - t; double dL_dz2 = dL_dy * y * (1 - y); double dL_dw2 = dL_dz2 * h; double dL_db2 = dL_dz2; double dL_dh = dL_dz2 * w2; double dL_dz1 = dL_dh * h * (1 - h); double dL_dw1 = dL_dz1; double dL_db1 = dL_dz1;",
            "multiply by ∂z1/∂w1 = x (here x = 2)" },
        // Lesson 6: element-wise product instead of the matrix product; = instead of +=.
        { 6, "matmul", "Matrix MatMul(Matrix a, Matrix b) { var r = new Matrix(a.Rows, b.Columns); for (int i = 0; i < a.Rows; i++) for (int j = 0; j < b.Columns; j++) r[i, j] = a[i, j] * b[i, j]; return r; }",
            "You multiplied element by element" },
        { 6, "matmul", "Matrix MatMul(Matrix a, Matrix b) { var r = new Matrix(a.Rows, b.Columns); for (int i = 0; i < a.Rows; i++) for (int j = 0; j < b.Columns; j++) for (int k = 0; k < a.Columns; k++) r[i, j] = a[i, k] * b[k, j]; return r; }",
            "use += to add up the products" },
        // Lesson 7: integer division; the diagonal taken as a mistake.
        { 7, "read-confusion", "double AccuracyFrom(int[,] c) { int ok = 0, all = 0; for (int a = 0; a < c.GetLength(0); a++) for (int p = 0; p < c.GetLength(1); p++) { all += c[a, p]; if (a == p) ok += c[a, p]; } return ok / all; }\n(int Actual, int Predicted) WorstMistake(int[,] c) => (2, 1);",
            "integer division" },
        { 7, "read-confusion", "double AccuracyFrom(int[,] c) => 0.72;\n(int Actual, int Predicted) WorstMistake(int[,] c) => (1, 1);", "is on the diagonal" },
        // Lesson 8: the library's plugboard read wrongly: inhibitory wires added, ignored, the wire's index read as the point, > for ≥, the Mark I's θ hard-coded.
        { 8, "a-unit", "bool Fires(Plugboard board, int unit, byte[] retina) { int total = 0; foreach (int p in board.ExcitatoryPoints(unit)) total += retina[p]; foreach (int p in board.InhibitoryPoints(unit)) total += retina[p]; return total >= board.Threshold; }",
            "must subtract 1 from the total, not add it" },
        { 8, "a-unit", "bool Fires(Plugboard board, int unit, byte[] retina) { int total = 0; foreach (int p in board.ExcitatoryPoints(unit)) total += retina[p]; return total >= board.Threshold; }",
            "You count only the excitatory wires" },
        { 8, "a-unit", "bool Fires(Plugboard board, int unit, byte[] retina) { int total = 0; var e = board.ExcitatoryPoints(unit); var i = board.InhibitoryPoints(unit); for (int k = 0; k < e.Count; k++) total += retina[k]; for (int k = 0; k < i.Count; k++) total -= retina[k]; return total >= board.Threshold; }",
            "not retina[i], the first few points" },
        { 8, "a-unit", "bool Fires(Plugboard board, int unit, byte[] retina) { int total = 0; foreach (int p in board.ExcitatoryPoints(unit)) total += retina[p]; foreach (int p in board.InhibitoryPoints(unit)) total -= retina[p]; return total > board.Threshold; }",
            "compare with ≥ (total >= board.Threshold), not >" },
        { 8, "a-unit", "bool Fires(Plugboard board, int unit, byte[] retina) { int total = 0; foreach (int p in board.ExcitatoryPoints(unit)) total += retina[p]; foreach (int p in board.InhibitoryPoints(unit)) total -= retina[p]; return total >= 2; }",
            "this board's threshold is 1: compare with board.Threshold" },
    };

    [Theory]
    [MemberData(nameof(WrongAnswers))]
    public async Task TypicalWrongAnswer_GetsItsSpecificFeedbackFirst(int lesson, string exercise, string code, string expected)
    {
        var edits = LessonContentTests.SolutionsOf(fixture.Engine.Catalog.Get(lesson));
        var report = await fixture.Engine.CheckAsync(lesson, exercise, code, edits, record: false);
        Assert.Equal("fail", report.Status);
        Assert.Equal("fail", report.Tests[0].Status);
        Assert.Equal(report.Message, report.Tests[0].Message);
        Assert.Contains(expected, report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReport_ListsFailuresFirst_ThenPasses_AndCountsTheAttempt()
    {
        var engine = fixture.Engine;
        string code = "double[] orWeights = [1, 1]; double orBias = -0.5; double[] nandWeights = [0, 0]; double nandBias = 0; double[] norWeights = [-1, -1]; double norBias = 0.5;";
        var before = engine.Progress.Load().Lesson(1).Exercises.GetValueOrDefault("gates")?.Attempts ?? 0;
        var report = await engine.CheckAsync(1, "gates", code);
        Assert.Equal("fail", report.Status);
        int firstPass = report.Tests.ToList().FindIndex(t => t.Status == "pass");
        Assert.True(firstPass > 0);
        Assert.All(report.Tests.Take(firstPass), t => Assert.Equal("fail", t.Status));
        Assert.All(report.Tests.Skip(firstPass), t => Assert.Equal("pass", t.Status));
        Assert.Equal(before + 1, report.Attempts);
        Assert.Equal(code, engine.CodeFor(1, "gates"));
    }

    [Fact]
    public async Task CompileErrorInAnExercise_IsAnErrorResult_WithTheExplanation()
    {
        var report = await fixture.Engine.CheckAsync(2, "update", "double Update(double weight, double lr, int error, double input)\n{\n    return weight + lr * error * input\n}", record: false);
        Assert.Equal("error", report.Status);
        Assert.Empty(report.Tests);
        Assert.Equal(3, report.Help!.Line);
        Assert.StartsWith("A missing semicolon (CS1002)", report.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hints_AreRevealedOneAtATime_AndStopAtTheLast()
    {
        var engine = fixture.Engine;
        var first = engine.RevealHint(3, "xor-network");
        Assert.Single(first.Hints);
        var second = engine.RevealHint(3, "xor-network");
        Assert.Equal(2, second.Hints.Count);
        Assert.Equal(first.Hints[0], second.Hints[0]);
        var third = engine.RevealHint(3, "xor-network");
        Assert.Equal(2, third.Hints.Count);
        Assert.True(third.AllShown);
    }

    [Fact]
    public async Task Solution_IsOfferedAfterEnoughFailedAttempts_AndOnRequest()
    {
        var engine = fixture.Engine;
        var exercise = engine.Catalog.Get(4).Exercise("sigmoid-loss");
        GradeReport? last = null;
        for (int i = 0; i < exercise.SolutionAfter; i++)
        {
            Assert.Null(last?.Solution);
            last = await engine.CheckAsync(4, "sigmoid-loss", exercise.Cell.Code);
        }
        Assert.Equal(exercise.Solution, last!.Solution);
        var asked = engine.ShowSolution(5, "gradients");
        Assert.Equal(engine.Catalog.Get(5).Exercise("gradients").Solution, asked.Solution);
        Assert.True(engine.Progress.Load().Lesson(5).Exercises["gradients"].SolutionShown);
    }
}
