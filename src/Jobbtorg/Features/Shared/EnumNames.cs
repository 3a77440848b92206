namespace Jobbtorg.Features.Shared;

public static class EnumNames
{
    /// <summary>An enumeration value by its exact name only ("1" or "unpaid" is not one); null for no or another value.</summary>
    public static T? ByName<T>(string? value) where T : struct, Enum =>
        value is null ? null : Enum.GetValues<T>().Where(v => v.ToString() == value.Trim()).Select(v => (T?)v).FirstOrDefault();
}
