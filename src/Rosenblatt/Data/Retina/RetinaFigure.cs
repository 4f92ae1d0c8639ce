namespace Rosenblatt.Data.Retina;

/// <summary>Where a generator drew the figure of one image: its class and its bounding box on the retina.</summary>
/// <param name="ClassIndex">The class drawn (index into the set's class names).</param>
/// <param name="Top">The box's first row.</param>
/// <param name="Left">The box's first column.</param>
/// <param name="Height">The box's rows (the figure's size).</param>
/// <param name="Width">The box's columns (equal to <paramref name="Height"/> for shapes; about 5/7 of it for letters).</param>
public readonly record struct RetinaFigure(int ClassIndex, int Top, int Left, int Height, int Width);
