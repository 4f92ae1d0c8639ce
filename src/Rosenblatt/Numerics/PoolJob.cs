namespace Rosenblatt.Numerics;

/// <summary>Work that <see cref="WorkerPool"/> splits into parts, one per thread.</summary>
/// <remarks>A job is made once by its owner and reused call after call, so running it allocates nothing. Parts
/// must write disjoint memory; parts that wait for each other inside <see cref="RunPart"/> must also be able to
/// stop waiting when <see cref="Abort"/> is called, or a failure in one part would hang the others.</remarks>
internal abstract class PoolJob
{
    /// <summary>Runs part <paramref name="part"/> of <paramref name="parts"/>.</summary>
    public abstract void RunPart(int part, int parts);

    /// <summary>Called when a part throws: release any part waiting on the failed one. Jobs without waits do nothing.</summary>
    public virtual void Abort()
    {
    }
}
