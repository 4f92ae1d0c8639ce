using Rosenblatt.MarkOne;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Writes the Mark I Perceptron as a graph: the retina's lit points, the plugboard's A-units, the R-units, the class scores.</summary>
/// <remarks>
/// <para>S → A: a point is lit when its value is ≥ 0.5; A-unit a's signed count of lit points is <c>lit · P</c>, with
/// <c>P[p, a]</c> = (+1 wires from p to a) − (−1 wires from p to a), and a fires when the count reaches θ
/// (<c>GreaterOrEqual</c>). A → R: <c>ρ = active · W + b</c> (<c>responses</c>). The counts, weights and responses are
/// whole numbers, so float32 holds them exactly and any summation order gives the library's bits.</para>
/// <para>Class scores, in float64 as <c>ResponseCode.Scores</c> computes them: one R-unit per class, the responses
/// themselves; an output code, <c>agree + 0.5·soft / strength</c> with <c>agree = sign(ρ)·Cᵀ</c> (sign(0) = +1),
/// <c>soft = ρ·Cᵀ</c>, <c>strength = 1 + Σ|ρ|</c>. The label is the largest score, the later class on an exact tie.</para>
/// </remarks>
internal static class MarkOneNodes
{
    /// <summary>Adds the Mark I's nodes after <paramref name="x"/> and declares the outputs <c>label</c>, <c>scores</c> and <c>responses</c>.</summary>
    internal static void Write<TLabel>(GraphBuilder g, MarkOnePerceptron<TLabel> model, string x, DataType inputType) where TLabel : notnull
    {
        var board = model.Plugboard;
        var code = model.Code;
        int points = board.RetinaPoints, aUnits = board.Units, rUnits = code.Units, classes = code.Classes;
        string half = inputType == DataType.Double ? g.Constant("retina.half", [0.5]) : g.Constant("retina.half", [0.5f]);
        string lit = g.Node("Cast", "retina.lit_cast", [g.Node("GreaterOrEqual", "retina.lit", [x, half])], null, GraphBuilder.Int("to", (long)DataType.Float));

        var wiring = new float[points * aUnits];
        for (int a = 0; a < aUnits; a++)
        {
            foreach (int p in board.ExcitatoryPoints(a)) wiring[p * aUnits + a] += 1;
            foreach (int p in board.InhibitoryPoints(a)) wiring[p * aUnits + a] -= 1;
        }
        string sums = g.Node("MatMul", "plugboard.sums", [lit, g.Constant("plugboard.wiring", wiring, points, aUnits)]);
        string fires = g.Node("GreaterOrEqual", "plugboard.fires", [sums, g.Constant("plugboard.threshold", [(float)board.Threshold])]);
        string active = g.Node("Cast", "plugboard.active", [fires], null, GraphBuilder.Int("to", (long)DataType.Float));
        string weighted = g.Node("MatMul", "r_units.matmul", [active, g.Constant("r_units.weight", model.Weights, aUnits, rUnits)]);
        string responses = g.Node("Add", "r_units.add", [weighted, g.Constant("r_units.bias", model.Biases, rUnits)], "responses");
        string rho = g.Node("Cast", "responses.cast", [responses], null, GraphBuilder.Int("to", (long)DataType.Double));

        string scores;
        if (code.Coding == ResponseCoding.OnePerClass)
        {
            scores = g.Node("Identity", "scores.responses", [rho], OnnxFormat.ScoresName);
        }
        else
        {
            var transposed = new double[rUnits * classes];
            for (int k = 0; k < classes; k++)
            {
                var word = code.Codeword(k);
                for (int r = 0; r < rUnits; r++) transposed[r * classes + k] = word[r];
            }
            string codewords = g.Constant("code.codewords_t", transposed, rUnits, classes);
            string signs = g.Node("Where", "code.signs", [g.Node("GreaterOrEqual", "code.nonnegative", [rho, g.Constant("code.zero", [0.0])]),
                g.Constant("code.plus", [1.0]), g.Constant("code.minus", [-1.0])]);
            string agree = g.Node("MatMul", "code.agree", [signs, codewords]);
            string soft = g.Node("MatMul", "code.soft", [rho, codewords]);
            string total = g.Node("ReduceSum", "code.total", [g.Node("Abs", "code.abs", [rho]), g.Constant("code.axes", [1L], 1)], null, GraphBuilder.Int("keepdims", 1));
            string strength = g.Node("Add", "code.strength", [g.Constant("code.one", [1.0]), total]);
            string half2 = g.Node("Mul", "code.half_soft", [g.Constant("code.half", [0.5]), soft]);
            scores = g.Node("Add", "code.scores", [agree, g.Node("Div", "code.weighted", [half2, strength])], OnnxFormat.ScoresName);
        }
        g.Node("ArgMax", "label.argmax", [scores], OnnxFormat.LabelName,
            GraphBuilder.Int("axis", 1), GraphBuilder.Int("keepdims", 0), GraphBuilder.Int("select_last_index", 1));
        g.Output(OnnxFormat.LabelName, DataType.Int64, null, "the predicted class index (the later class on an exact tie); its name is metadata rosenblatt.classes[label]");
        g.Output(OnnxFormat.ScoresName, DataType.Double, classes, "each class's score (ResponseCode.Scores), float64");
        g.Output("responses", DataType.Float, rUnits, "the trained R-units' responses ρ = b + Σ w·a, before the sign");
    }
}
