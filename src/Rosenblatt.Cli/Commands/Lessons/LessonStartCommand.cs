using System.CommandLine;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson start N</c>: writes the exercise to a file to edit in any editor.</summary>
/// <remarks>The file holds the learner's saved code when there is some, else the starter code, under a comment that
/// says what to do and how to check. An existing file is never overwritten: it may hold the learner's work.</remarks>
internal static class LessonStartCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var number = LessonOptions.Number();
        var exerciseOption = LessonOptions.Exercise();
        var dir = new Option<string>("--dir") { Description = "The folder to write the exercise file into.", HelpName = "folder", DefaultValueFactory = _ => "." };
        var command = new Command("start", "Write the exercise you are on to a .cs file to edit, and say how to check it.") { number, exerciseOption, dir };
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: false);
            int lesson = parse.GetValue(number);
            var exercise = LessonOptions.PickExercise(engine, lesson, parse.GetValue(exerciseOption));
            string folder = parse.GetValue(dir)!;
            if (!Directory.Exists(folder))
                throw new IOException($"--dir '{folder}' does not exist. help: create it first (mkdir -p), or leave --dir out to use the current folder.");
            string path = Path.Combine(folder, LessonOptions.ExerciseFile(lesson, exercise.Name));
            bool created = !File.Exists(path);
            if (created)
            {
                string header = $"// Lesson {lesson}, exercise '{exercise.Name}': {exercise.Title}.{Environment.NewLine}" +
                                $"// Edit this file, then run: rosenblatt lesson check {lesson} --exercise {exercise.Name} --file {path} (add --watch to re-check on every save).{Environment.NewLine}" +
                                $"// The lesson's text and the cells above this exercise: rosenblatt lesson show {lesson}. Stuck? rosenblatt lesson hint {lesson}{Environment.NewLine}{Environment.NewLine}";
                File.WriteAllText(path, header + engine.CodeFor(lesson, exercise.Name));
            }
            engine.SetCurrentExercise(lesson, exercise.Name);
            var document = new Document(lesson, exercise.Name, exercise.Title, Path.GetFullPath(path), created);
            return cli.Write(parse, document, _ =>
            {
                cli.Out.WriteLine(created ? $"Wrote {path}: {exercise.Title}." : $"{path} already exists (your work is kept): {exercise.Title}.");
                cli.Out.WriteLine($"Edit it, then: rosenblatt lesson check {lesson} --file {path} --watch");
            });
        });
        return command;
    }

    private sealed record Document(int Lesson, string Exercise, string Title, string File, bool Created);
}
