namespace Jobbtorg.Data;

/// <summary>A named piece of work that one app instance at a time may do until <see cref="HeldUntil"/>, e.g. a round
/// that every instance's timer would otherwise start. Taken by <see cref="Leases.TryTakeAsync"/>.</summary>
public class Lease
{
    public required string Name { get; set; }
    public DateTimeOffset HeldUntil { get; set; }
}
