namespace Rosenblatt.Training;

/// <summary>Counts correct classifications from network outputs and targets.</summary>
/// <remarks>One output column: the class is 1 when the output is at least 0.5. Several: the column with the largest value (first on ties).</remarks>
internal static class Accuracy
{
    internal static long CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int columns)
    {
        long correct = 0;
        if (columns == 1)
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                if ((outputs[i] >= 0.5f) == (targets[i] >= 0.5f)) correct++;
            }
            return correct;
        }
        for (int r = 0; r < outputs.Length; r += columns)
        {
            if (ArgMax(outputs.Slice(r, columns)) == ArgMax(targets.Slice(r, columns))) correct++;
        }
        return correct;
    }

    internal static int ArgMax(ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best]) best = j;
        }
        return best;
    }
}
