using Rosenblatt.Lessons.Progress;

// Saves progress as fast as it can: attempt n stores code that names n and is long enough that a write takes a
// while. Prints each saved attempt number after the save returns, so the test knows what must have survived.
var store = new ProgressStore(args[0]);
string padding = new('x', 200_000);
for (int n = 1; ; n++)
{
    store.Update(doc =>
    {
        var e = doc.Lesson(1).Exercise("gates");
        e.Attempts = n;
        e.Code = $"// attempt {n}\n// {padding}";
        return 0;
    });
    Console.WriteLine(n);
}
