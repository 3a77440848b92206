namespace Jobbtorg.Identity;

public enum LegalSex { Female, Male }
