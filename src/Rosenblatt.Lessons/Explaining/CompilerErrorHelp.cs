using System.Text.RegularExpressions;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Explaining;

/// <summary>Plain-English help for the compiler errors beginners meet most, each with the compiler's quoted names filled in.</summary>
/// <remarks>
/// One entry per error code: a title and a text in which <c>{0}</c>, <c>{1}</c>, ... are the names the compiler put in
/// quotes in its own message (e.g. CS0103's unknown name). Codes not listed get a general text plus the compiler's
/// message. The list follows what learners hit in a first C# course: typos, missing semicolons and brackets, type
/// mismatches between int, double and arrays, and methods that forget to return.
/// </remarks>
public static partial class CompilerErrorHelp
{
    private static readonly Dictionary<string, (string Title, string Text)> Entries = new(StringComparer.Ordinal)
    {
        ["CS0103"] = ("A name the compiler does not know", "'{0}' is not defined here. Check the spelling (C# tells upper- and lower-case apart: 'bias' and 'Bias' are different names) and that it is declared in this cell or in a cell above it, before it is used."),
        ["CS1002"] = ("A missing semicolon", "Each statement in C# ends with ';'. Add one at the end of the marked line (the compiler marks the spot where it expected it, often just after the last character)."),
        ["CS0029"] = ("A value of the wrong type", "You are putting a '{0}' where a '{1}' is needed. For example an int[] cannot hold doubles, and a double cannot be put into a bool. Change the variable's type, or the value."),
        ["CS0266"] = ("A conversion that could lose information", "A '{0}' does not fit into a '{1}' without possibly losing something (like the decimals of 0.5 when it becomes an int). If you mean it, write the cast: ({1})value. Usually the better fix is to declare the variable as '{0}' (e.g. double instead of int)."),
        ["CS1503"] = ("An argument of the wrong type", "One argument is a '{0}', but the method needs a '{1}' there. Check the order of the arguments and their types (a double[] is not a double; an int[] is not a double[])."),
        ["CS0161"] = ("A method that does not always return a value", "'{0}' promises to return a value, but some path through it reaches the end without a 'return'. Make sure every branch (each if and its else) ends in a return statement."),
        ["CS0165"] = ("A variable used before it has a value", "'{0}' is declared but may not have been given a value yet when it is read. Give it a starting value where you declare it, e.g. 'double {0} = 0;'."),
        ["CS0246"] = ("A type the compiler cannot find", "There is no type called '{0}' here. Check the spelling and capitals (Neuron, Perceptron, Matrix, Value are the library's names). The lessons already import the Rosenblatt namespaces and System."),
        ["CS1061"] = ("No such member", "A '{0}' has no member called '{1}'. Check the spelling and capitals (C# members start with a capital: Length, Count, Predict). Arrays have Length, lists have Count."),
        ["CS0120"] = ("A member used without an object", "'{0}' belongs to an object, not to the type itself. Create an object first (e.g. 'var p = new Perceptron();') and call it on that object: 'p.Fit(...)'."),
        ["CS1026"] = ("A missing closing parenthesis", "A '(' was opened but not closed. Count the parentheses on the marked line: each '(' needs its ')'."),
        ["CS1513"] = ("A missing closing brace", "A '{{' was opened but never closed with '}}'. Each method, loop and if-block needs its closing brace; indenting the code makes the missing one easy to see."),
        ["CS1514"] = ("A missing opening brace", "The compiler expected '{{' here, to open the body of a method, loop or class."),
        ["CS1525"] = ("Something missing in an expression", "The compiler found '{0}' where it expected a value. Often an operator is missing a number on one side (like 'x * + 1'), or a bracket or comma is out of place."),
        ["CS1003"] = ("A syntax error", "The compiler expected '{0}' at the marked place. Look for a missing comma between arguments, or a missing bracket."),
        ["CS1001"] = ("A name expected", "The compiler expected a name (an identifier) here. A variable name cannot start with a digit or be a keyword like 'int' or 'new'."),
        ["CS0019"] = ("An operator that does not apply to these types", "The operator '{0}' cannot be used between a '{1}' and a '{2}'. For example arrays cannot be added with '+': add their elements one by one in a loop, or use the library's methods."),
        ["CS0023"] = ("An operator that does not apply to this type", "The operator '{0}' cannot be used on a '{1}'."),
        ["CS0021"] = ("Indexing something that is not a list", "You wrote [ ] after a '{0}', which is a single value, not an array or list. Only arrays, lists and similar collections can be indexed."),
        ["CS0117"] = ("No such member on a type", "'{0}' has no member called '{1}'. Check the spelling and capitals."),
        ["CS0128"] = ("A name declared twice", "'{0}' is already declared in this cell. Give the new variable another name, or drop the type in front of it to assign the existing one: '{0} = ...;' instead of 'var {0} = ...;'."),
        ["CS0136"] = ("A name that hides another", "'{0}' is already used in an enclosing block (e.g. outside the loop). Pick another name for the inner one."),
        ["CS0200"] = ("A read-only property", "'{0}' can be read but not set. The library computes it for you; to change a model, create a new one or call its methods."),
        ["CS0201"] = ("A statement that does nothing", "Only an assignment, a method call, ++/-- or 'new' can stand alone as a statement. Did you forget '=' (e.g. 'w + 1;' instead of 'w = w + 1;' or 'w += 1;')?"),
        ["CS0428"] = ("A method name without its parentheses", "'{0}' is a method: call it with parentheses, e.g. '{0}()' or '{0}(x)'."),
        ["CS0815"] = ("'var' with a value that has no type", "'var' takes its type from the value, and this value has none (null, or a method that returns nothing). Write the type instead of 'var', or give it a real value."),
        ["CS0818"] = ("'var' without a value", "A 'var' variable must be given a value where it is declared, so the compiler knows its type. Write 'var x = 0.0;' or name the type: 'double x;'."),
        ["CS1501"] = ("The wrong number of arguments", "No version of '{0}' takes {1} arguments. Check how many the method needs (hover or look at the lesson's example)."),
        ["CS7036"] = ("A missing argument", "The call leaves out the required argument '{0}' of '{1}'. Add it."),
        ["CS1010"] = ("A string that is never closed", "A text in double quotes starts on this line but does not end on it. Add the closing \"."),
        ["CS1012"] = ("Too many characters in single quotes", "Single quotes hold exactly one character ('a'). For text, use double quotes: \"text\"."),
        ["CS0030"] = ("A conversion that is impossible", "A '{0}' can never be converted to a '{1}'. Check which value you meant to use."),
        ["CS0131"] = ("Assigning to something that is not a variable", "The left side of '=' must be a variable, an array element or a settable property. Did you mean '==' (compare) instead of '=' (assign)?"),
        ["CS0127"] = ("A value returned from a void method", "'{0}' returns nothing (void), so 'return' cannot give a value there. Either drop the value, or change 'void' to the type you want to return."),
        ["CS0126"] = ("A return without a value", "This method must return a '{0}': write 'return' followed by a value."),
        ["CS0841"] = ("A variable used before its declaration", "'{0}' is used above the line that declares it. Move the declaration up."),
        ["CS1955"] = ("Calling something that is not a method", "'{0}' is a property or field, not a method: drop the parentheses (e.g. 'xs.Length', not 'xs.Length()')."),
        ["CS0664"] = ("A double literal where a float is needed", "Numbers like 0.5 are doubles in C#. For a float, add an 'f': 0.5f."),
        ["CS0106"] = ("A modifier that is not allowed here", "'{0}' cannot be used here. In a lesson cell, write methods and variables without 'public', 'private' or 'static'."),
        ["CS0173"] = ("Two branches of different types", "The two results of '? :' have types that do not match ('{0}' and '{1}'). Make them the same type, e.g. 1.0 and 0.0 instead of 1 and 0.0."),
    };

    /// <summary>The codes this help explains specifically.</summary>
    public static IReadOnlyCollection<string> KnownCodes => Entries.Keys;

    /// <summary>Explains one compiler error in <paramref name="code"/> (the learner's cell).</summary>
    /// <param name="diagnostic">The compiler's error.</param>
    /// <param name="cell">The cell's name.</param>
    /// <param name="code">The cell's code, to quote the line.</param>
    public static Explanation Explain(CompilerDiagnostic diagnostic, string cell, string code)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var args = QuotedRegex().Matches(diagnostic.Message).Select(m => m.Groups[1].Value).Cast<object>().ToArray();
        string title, text;
        if (Entries.TryGetValue(diagnostic.Id, out var entry))
        {
            title = $"{entry.Title} ({diagnostic.Id})";
            text = Fill(entry.Text, args);
        }
        else
        {
            title = $"The compiler rejected this line ({diagnostic.Id})";
            text = $"The compiler says: {diagnostic.Message} Look at the marked spot; the lesson's examples above show the form C# expects.";
        }
        var (quote, marker) = Explanation.Mark(code, diagnostic.Line, diagnostic.Column, diagnostic.Length);
        return new Explanation("compile", title, text, cell, diagnostic.Line, diagnostic.Column, quote, marker, diagnostic.Message);
    }

    private static string Fill(string template, object[] args)
    {
        // A message with fewer quoted names than the template uses: fill the rest with a neutral word.
        var padded = args.Concat(Enumerable.Repeat<object>("it", 4)).ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, template, padded);
    }

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex QuotedRegex();
}
