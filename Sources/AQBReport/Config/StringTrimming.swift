extension StringProtocol {
    /// The text without blanks at either end; for values read from files and the environment.
    var trimmingWhitespace: String {
        String(self.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
