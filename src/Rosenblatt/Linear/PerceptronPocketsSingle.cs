using Rosenblatt.Numerics;

namespace Rosenblatt.Linear;

/// <summary>Gallant's pocket (with ratchet) for the float32 units of <see cref="PerceptronUnitsSingle"/>: the same decisions as
/// <see cref="PerceptronUnit.UpdatePocket"/>, with the full-training-set mistake counts queued and run in one batched pass.</summary>
/// <remarks>
/// <para>The rule, per unit: count the training mistakes of the starting weights, of the weights at the end of every epoch, and
/// of the current weights whenever they have classified more samples in a row than any weights before them (the run-length
/// test); pocket a copy whenever the count is strictly below the best so far. The pocketed weights are the model.</para>
/// <para>Two observations make it cheap without changing any decision. First, a correct guess does not move the weights, so
/// while a run grows every run-length test asks about the same weights: they are counted once (a second count would find
/// the same number, which is not strictly better). Second, a count depends only on the weights and the data, so the counts
/// can wait: the candidates of an epoch are copied into a queue and counted together at its end, each row read once for all
/// of them (<see cref="UnitDots.Scores"/>), then the pocket decisions are taken in the order the candidates arose. On MNIST
/// (60,000 rows, one-vs-rest, one epoch, seed 42) the run-length test fires 3,072 times but asks about only 136 distinct
/// weight vectors, the starting and epoch-end ones included.</para>
/// </remarks>
internal sealed class PerceptronPocketsSingle
{
    private readonly int _features;
    private readonly float[] _pocketW;
    private readonly float[] _pocketB;
    private readonly int[] _pocketMistakes;
    private readonly int[] _run;
    private readonly int[] _longestRun;
    private readonly bool[] _counted;
    private float[] _queueW;
    private float[] _queueB = new float[16];
    private int[] _queueUnit = new int[16];
    private int _queued;

    internal PerceptronPocketsSingle(int units, int features)
    {
        _features = features;
        _pocketW = new float[units * features];
        _pocketB = new float[units];
        _pocketMistakes = new int[units];
        Array.Fill(_pocketMistakes, int.MaxValue);
        _run = new int[units];
        _longestRun = new int[units];
        Array.Fill(_longestRun, -1);
        _counted = new bool[units];
        _queueW = new float[16 * features];
    }

    /// <summary>How many weight vectors have been counted over the whole training set so far.</summary>
    internal int Counts { get; private set; }

    /// <summary>Unit <paramref name="u"/> guessed right: its run grows, and a run longer than any before queues its weights.</summary>
    internal void Correct(int u, ReadOnlySpan<float> weights, float bias)
    {
        if (++_run[u] > _longestRun[u])
        {
            _longestRun[u] = _run[u];
            Queue(u, weights, bias);
        }
    }

    /// <summary>Unit <paramref name="u"/> guessed wrong and its weights moved: the run restarts and the new weights are uncounted.</summary>
    internal void Mistake(int u)
    {
        _run[u] = 0;
        _counted[u] = false;
    }

    /// <summary>Queues unit <paramref name="u"/>'s current weights for counting, unless these very weights are counted or queued already.</summary>
    internal void Queue(int u, ReadOnlySpan<float> weights, float bias)
    {
        if (_counted[u])
            return;
        _counted[u] = true;
        if (_queued == _queueB.Length)
        {
            Array.Resize(ref _queueB, _queued * 2);
            Array.Resize(ref _queueUnit, _queued * 2);
            Array.Resize(ref _queueW, _queued * 2 * _features);
        }
        weights.CopyTo(_queueW.AsSpan(_queued * _features, _features));
        _queueB[_queued] = bias;
        _queueUnit[_queued] = u;
        _queued++;
    }

    /// <summary>Counts every queued candidate's training mistakes in one pass over the rows, then pockets, in queue order, each
    /// candidate that beats its unit's best count so far; empties the queue.</summary>
    /// <param name="read">The training rows.</param>
    /// <param name="classOf">Each row's class index.</param>
    /// <param name="binary">Whether there is one unit whose target is the class index itself (else unit u's target is class == u).</param>
    /// <param name="scratch">One row's worth of floats.</param>
    internal void Flush(FloatRowReader read, int[] classOf, bool binary, Span<float> scratch)
    {
        int k = _queued, n = _features;
        if (k == 0)
            return;
        var weights = _queueW.AsSpan(0, k * n);
        var bias = _queueB.AsSpan(0, k);
        var scores = new float[k];
        var mistakes = new int[k];
        for (int i = 0; i < classOf.Length; i++)
        {
            UnitDots.Scores(read(i, scratch), weights, bias, scores);
            int cls = classOf[i];
            for (int c = 0; c < k; c++)
            {
                int target = binary ? cls : (cls == _queueUnit[c] ? 1 : 0);
                if ((scores[c] >= 0 ? 1 : 0) != target)
                    mistakes[c]++;
            }
        }
        for (int c = 0; c < k; c++)
        {
            int u = _queueUnit[c];
            if (mistakes[c] < _pocketMistakes[u])
            {
                _pocketMistakes[u] = mistakes[c];
                weights.Slice(c * n, n).CopyTo(_pocketW.AsSpan(u * n, n));
                _pocketB[u] = bias[c];
            }
        }
        Counts += k;
        _queued = 0;
    }

    /// <summary>Unit <paramref name="u"/>'s pocketed weights and bias.</summary>
    internal (ReadOnlyMemory<float> Weights, float Bias) Pocket(int u) => (_pocketW.AsMemory(u * _features, _features), _pocketB[u]);
}
