namespace Jobbtorg.Data;

/// <summary>`Jobbtorg:DemoData` (a setting directly under `Jobbtorg`, as it always was): demo people and logins, for
/// Development only.</summary>
public sealed class DemoDataOptions
{
    public bool DemoData { get; set; }
}
