using System.Globalization;

namespace Rosenblatt.Autodiff;

/// <summary>One scalar in a computation graph: its value, the gradient of the final output with respect to it, and how it was made.</summary>
/// <remarks>
/// <para>
/// A tiny reverse-mode automatic differentiation engine in the spirit of Karpathy's micrograd, in double
/// precision. Every operation computes its result and, on the very next line, its local derivative
/// ∂out/∂input for each input: the mathematics of the operation is the code. <see cref="Backward"/> then
/// applies the chain rule uniformly, visiting nodes from the output back to the leaves:
/// <c>input.Grad += ∂out/∂input · out.Grad</c>. micrograd stores that step as a closure per node; here
/// the local derivatives are stored as numbers beside symbolic formulas, so the same graph can also be
/// printed (<see cref="GraphText"/>, <see cref="GraphDot"/>) and explained step by step
/// (<see cref="BackpropWalkthrough"/>).
/// </para>
/// <para>
/// Gradients accumulate with <c>+=</c>, so a value used twice receives the sum of both paths, as the
/// multivariable chain rule requires; it also means a second <see cref="Backward"/> adds to the first,
/// exactly as in micrograd and PyTorch. Call <see cref="ZeroGrad"/> between passes.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var x = new Value(2.0, "x");
/// var w = new Value(-3.0, "w");
/// var y = (w * x + 1).Tanh();
/// y.Backward();                  // w.Grad = x · (1 − y²)
/// </code>
/// </example>
public sealed partial class Value
{
    private static readonly Value[] NoInputs = [];
    private static readonly double[] NoGradients = [];
    private static readonly string[] NoFormulas = [];

    private readonly Value[] _inputs;
    private readonly double[] _localGradients;
    private readonly string _formula;
    private readonly string[] _localGradientFormulas;
    private double _data;

    /// <summary>Creates a leaf: an input, a weight or a constant.</summary>
    /// <param name="data">The value; must be finite.</param>
    /// <param name="label">An optional name shown in printed graphs and walkthroughs (e.g. <c>w1</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="data"/> is NaN or infinite.</exception>
    public Value(double data, string? label = null)
    {
        CheckFinite(data, nameof(data));
        _data = data;
        Label = label;
        Op = "";
        OpLabel = "";
        _inputs = NoInputs;
        _localGradients = NoGradients;
        _formula = "";
        _localGradientFormulas = NoFormulas;
    }

    private Value(double data, string op, string opLabel, Value[] inputs, double[] localGradients,
        string formula, string[] localGradientFormulas)
    {
        _data = data;
        Op = op;
        OpLabel = opLabel;
        _inputs = inputs;
        _localGradients = localGradients;
        _formula = formula;
        _localGradientFormulas = localGradientFormulas;
    }

    /// <summary>The value computed in the forward pass.</summary>
    /// <remarks>
    /// Only leaves may be changed (a gradient-descent step: <c>w.Data -= lr * w.Grad</c>); a computed
    /// node keeps the value its local derivatives were taken at, so rebuild the expression after changing leaves.
    /// </remarks>
    /// <exception cref="InvalidOperationException">Setting the value of a computed node.</exception>
    /// <exception cref="ArgumentOutOfRangeException">Setting NaN or an infinity.</exception>
    public double Data
    {
        get => _data;
        set
        {
            if (!IsLeaf)
                throw new InvalidOperationException(
                    $"cannot set Data of {Describe()}: it is computed by '{Op}' from its inputs. help: change the leaves (weights, inputs) and rebuild the expression.");
            CheckFinite(value, nameof(value));
            _data = value;
        }
    }

    /// <summary>∂root/∂this after <see cref="Backward"/> on some root: how much the root changes per unit change of this value.</summary>
    public double Grad { get; internal set; }

    /// <summary>An optional name for printing, such as <c>w1</c> or <c>z1</c>.</summary>
    public string? Label { get; set; }

    /// <summary>The operation that produced this value (<c>+</c>, <c>-</c>, <c>*</c>, <c>/</c>, <c>neg</c>, <c>pow</c>, <c>exp</c>, <c>log</c>, <c>tanh</c>, <c>sigmoid</c>, <c>relu</c>, <c>leaky_relu</c>), or empty for a leaf.</summary>
    public string Op { get; }

    /// <summary>Whether this value was given rather than computed.</summary>
    public bool IsLeaf => _inputs.Length == 0;

    /// <summary>The values this one was computed from, in operand order (the same value twice for <c>a * a</c>).</summary>
    public IReadOnlyList<Value> Inputs => _inputs;

    /// <summary>∂this/∂input for each entry of <see cref="Inputs"/>, taken at the forward values.</summary>
    public IReadOnlyList<double> LocalGradients => _localGradients;

    /// <summary>The forward formula in terms of the inputs' names, e.g. <c>σ(z1)</c>; empty for a leaf.</summary>
    public string Formula => Render(_formula, ValueFormat.Symbol);

    /// <summary>The forward formula with the inputs' numbers plugged in, e.g. <c>σ(0.5)</c>; empty for a leaf.</summary>
    public string FormulaWithNumbers => Render(_formula, v => ValueFormat.Operand(v.Data));

    /// <summary>The op shown on graph drawings: the op name, with the exponent for <c>pow</c> (e.g. <c>^2</c>).</summary>
    internal string OpLabel { get; }

    /// <summary>The local derivative ∂this/∂input as a formula in names, e.g. <c>y·(1 - y)</c> for a sigmoid output y.</summary>
    /// <param name="inputIndex">Position in <see cref="Inputs"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputIndex"/> is not a valid input position.</exception>
    public string LocalGradientFormula(int inputIndex)
    {
        if ((uint)inputIndex >= (uint)_inputs.Length)
            throw new ArgumentOutOfRangeException(nameof(inputIndex), inputIndex,
                $"inputIndex must be between 0 and {_inputs.Length - 1} (received {inputIndex}). help: {Describe()} has {_inputs.Length} input(s); see Inputs.");
        return Render(_localGradientFormulas[inputIndex], ValueFormat.Symbol);
    }

    /// <summary>Names this value for printing and returns it, so expressions can be labelled inline: <c>(w * x + b).Named("z")</c>.</summary>
    /// <param name="label">The name to show.</param>
    public Value Named(string label)
    {
        Label = label;
        return this;
    }

    /// <summary>Computes <see cref="Grad"/> of every value in this graph: ∂this/∂value, by the chain rule from this value back to the leaves.</summary>
    /// <remarks>
    /// Sets this value's gradient to 1 (∂this/∂this), then visits every node after all of its consumers
    /// (reverse topological order) and adds <c>local derivative × node gradient</c> to each input. The
    /// order is computed without recursion, so graphs of any depth work. Gradients accumulate: call
    /// <see cref="ZeroGrad"/> before a second pass over the same leaves.
    /// </remarks>
    public void Backward()
    {
        IReadOnlyList<Value> order = TopologicalOrder();
        Grad = 1.0;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            Value node = order[i];
            for (int k = 0; k < node._inputs.Length; k++)
                node._inputs[k].Grad += node._localGradients[k] * node.Grad;
        }
    }

    /// <summary>Sets the gradient of every value in this graph (this value and everything it depends on) to 0.</summary>
    public void ZeroGrad()
    {
        foreach (Value node in TopologicalOrder())
            node.Grad = 0.0;
    }

    /// <summary>Every value this one depends on, and this value last, each listed after all of its inputs.</summary>
    /// <remarks>
    /// Kahn's algorithm run from this value backwards, then reversed: a node is emitted once all of its
    /// consumers are, so reading the list backwards walks the network layer by layer from the output.
    /// Iterative, so a chain of a million nodes needs no deep call stack.
    /// </remarks>
    public IReadOnlyList<Value> TopologicalOrder()
    {
        var pendingConsumers = new Dictionary<Value, int>(ReferenceEqualityComparer.Instance) { [this] = 0 };
        var toVisit = new Stack<Value>();
        toVisit.Push(this);
        while (toVisit.Count > 0)
        {
            foreach (Value input in toVisit.Pop()._inputs)
            {
                if (pendingConsumers.TryGetValue(input, out int count))
                {
                    pendingConsumers[input] = count + 1;
                }
                else
                {
                    pendingConsumers[input] = 1;
                    toVisit.Push(input);
                }
            }
        }

        var outputFirst = new List<Value>(pendingConsumers.Count);
        var ready = new Queue<Value>();
        ready.Enqueue(this);
        while (ready.Count > 0)
        {
            Value node = ready.Dequeue();
            outputFirst.Add(node);
            foreach (Value input in node._inputs)
            {
                if (--pendingConsumers[input] == 0)
                    ready.Enqueue(input);
            }
        }
        outputFirst.Reverse();
        return outputFirst;
    }

    /// <summary>Shows label, value and gradient, e.g. <c>Value(z1: data=0.5, grad=0.25)</c>.</summary>
    public override string ToString()
    {
        string data = Data.ToString("R", CultureInfo.InvariantCulture);
        string grad = Grad.ToString("R", CultureInfo.InvariantCulture);
        return Label is { Length: > 0 } label
            ? $"Value({label}: data={data}, grad={grad})"
            : $"Value(data={data}, grad={grad})";
    }

    /// <summary>The forward formula with inputs named by <paramref name="name"/>.</summary>
    internal string RenderFormula(Func<Value, string> name) => Render(_formula, name);

    /// <summary>The local derivative for one input, with values named by <paramref name="name"/>.</summary>
    internal string RenderLocalGradientFormula(int inputIndex, Func<Value, string> name) =>
        Render(_localGradientFormulas[inputIndex], name);

    /// <summary>Fills a formula template: <c>{a}</c>, <c>{b}</c> are the inputs, <c>{out}</c> this value.</summary>
    /// <remarks>A name that is already parenthesized loses its own parentheses inside <c>f(…)</c>, so <c>σ(-0.3)</c> never prints as <c>σ((-0.3))</c>.</remarks>
    internal string Render(string template, Func<Value, string> name)
    {
        var text = new System.Text.StringBuilder(template.Length + 16);
        int i = 0;
        while (i < template.Length)
        {
            Value? token = TokenAt(template, i, out int length);
            if (token is null)
            {
                text.Append(template[i++]);
                continue;
            }
            string symbol = name(token);
            bool wrapped = i > 0 && template[i - 1] == '(' && i + length < template.Length && template[i + length] == ')';
            if (wrapped && symbol.Length > 1 && symbol[0] == '(' && symbol[^1] == ')')
                symbol = symbol[1..^1];
            text.Append(symbol);
            i += length;
        }
        return text.ToString();
    }

    private Value? TokenAt(string template, int i, out int length)
    {
        length = 0;
        if (template[i] != '{')
            return null;
        if (string.CompareOrdinal(template, i, "{out}", 0, 5) == 0)
        {
            length = 5;
            return this;
        }
        if (string.CompareOrdinal(template, i, "{a}", 0, 3) == 0 && _inputs.Length > 0)
        {
            length = 3;
            return _inputs[0];
        }
        if (string.CompareOrdinal(template, i, "{b}", 0, 3) == 0 && _inputs.Length > 1)
        {
            length = 3;
            return _inputs[1];
        }
        return null;
    }

    private string Describe() =>
        Label is { Length: > 0 } label ? $"'{label}'" : $"the value {ValueFormat.Number(Data)}";

    private static void CheckFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be a finite number (received {value.ToString("R", CultureInfo.InvariantCulture)}). help: a NaN or infinity here would poison every gradient; check the computation that produced it.");
    }
}
