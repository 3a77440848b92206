namespace Jobbtorg.Features.Organisation;

/// <summary>A job centre (jobbtorg); a branch such as the youth branch has a parent. Its visiting address, phone number
/// and directions are printed on the participant's invitation and put in the calendar file; an administrator keeps them.</summary>
public class JobCentre
{
    public const int AddressMaxLength = 200;
    public const int PhoneMaxLength = 40;
    public const int DirectionsMaxLength = 500;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    /// <summary>The visiting address, e.g. "Rosenlundsgatan 52, 118 63 Stockholm".</summary>
    public string? Address { get; set; }
    /// <summary>The number a participant calls, e.g. "08-508 00 000".</summary>
    public string? Phone { get; set; }
    /// <summary>How to get there, in a sentence or two of Swedish (the letter is in Swedish).</summary>
    public string? Directions { get; set; }

    /// <summary>"Jobbtorg Farsta, Farstaplan 1, …": where a letter or a calendar entry says the meeting is.</summary>
    public string NameAndAddress() => Address is { Length: > 0 } address ? $"{Name}, {address}" : Name;
}
