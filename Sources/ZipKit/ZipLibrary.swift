internal import CLibZip

/// Facts about the libzip the program runs with.
public enum ZipLibrary {
    /// The version string of the linked libzip, for example `1.7.3`.
    public static var version: String {
        String(cString: zip_libzip_version())
    }
}
