namespace Jobbtorg.Identity;

public enum PersonalNumberError { Missing, Format, Date, Checksum }
