namespace Rosenblatt.Data;

/// <summary>What a built-in data set holds and where it comes from, for listings such as <c>rosenblatt data list</c>.</summary>
/// <param name="Name">The name <see cref="BuiltInDatasets.Load"/> takes, e.g. <c>iris</c>.</param>
/// <param name="Samples">The number of rows.</param>
/// <param name="Features">The number of feature columns.</param>
/// <param name="Classes">The number of classes.</param>
/// <param name="Description">One line saying what the samples are.</param>
/// <param name="Source">Who made the data and where it was published (the credit to give).</param>
public sealed record BuiltInDatasetInfo(string Name, int Samples, int Features, int Classes, string Description, string Source);
