namespace Jobbtorg.Features.Staff;

/// <summary>Who makes a change: a signed-in administrator or manager, or the command line.</summary>
public sealed record StaffActor(string? Id, string Name)
{
    public static readonly StaffActor CommandLine = new(null, "create-admin");
}
