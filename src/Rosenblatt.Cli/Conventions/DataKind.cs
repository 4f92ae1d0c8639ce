namespace Rosenblatt.Cli.Conventions;

/// <summary>Where a <c>--data</c> value came from; decides the default scaling and whether a test split is needed.</summary>
internal enum DataKind
{
    /// <summary>A CSV file.</summary>
    Csv,

    /// <summary>One of the sets shipped inside the library.</summary>
    BuiltIn,

    /// <summary>MNIST or Fashion-MNIST from the data folder, with their own test set.</summary>
    Images,

    /// <summary>A logic gate's truth table (every row is needed for training; there is nothing to hold out).</summary>
    Gate,

    /// <summary>A generated point set.</summary>
    Synthetic,
}
